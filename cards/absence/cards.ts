import { renderTemplate, type AdaptiveCard } from '../render';
import overviewTemplate from './templates/overview.json';
import returnTemplate from './templates/return.json';
import standInTemplate from './templates/stand-in.json';
import type { AbsenceOverviewCardData, returnView, standInView } from './views';

/** `afwezig`: current and planned absences (with "Terug") and the form to record one. */
export const absenceOverviewCard = (data: AbsenceOverviewCardData): AdaptiveCard => renderTemplate(overviewTemplate, data);

/** To the chosen stand-in: whom they replace, from when, and what that means. */
export const standInCard = (data: ReturnType<typeof standInView>): AdaptiveCard => renderTemplate(standInTemplate, data);

/** Once on return: what happened while away and what is still open, with links. */
export const returnCard = (data: ReturnType<typeof returnView>): AdaptiveCard => renderTemplate(returnTemplate, data);
