import evaluationTemplate from './templates/evaluation.json';
import signalTemplate from './templates/signal.json';
import { renderTemplate } from '../render';
import type { EvaluationCardData } from './evaluation-views';
import type { SignalCardData } from './views';

/** Typed builders of the capacity cards over templates/*.json. */
export const capacitySignalCard = (data: SignalCardData) => renderTemplate(signalTemplate, data);
export const evaluationCard = (data: EvaluationCardData) => renderTemplate(evaluationTemplate, data);
