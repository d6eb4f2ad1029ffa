import { DateTime } from 'luxon';
import { NO_TASK_CHOICE } from '../../config/capacity-rules';
import type { Office } from '../../config/office';
import { dutchDate } from '../../lib/dates';

/** The half-yearly evaluation's card: the report's two questions and the ring model's tasks. */

export const FUNDAMENT_QUESTION = 'Is de indeling van het stabiele fundament nog passend?';
export const PROCESSES_QUESTION = 'Verloopt het verbeteren van processen goed en zien we nieuwe mogelijkheden voor verbeteringen?';
export const TASK_QUESTION = 'Welke taak zou jij anders indelen?';

const SCALE = ['1 – helemaal niet', '2', '3', '4', '5 – helemaal wel'];

export interface EvaluationCardData {
  evaluationDate: string;
  title: string;
  intro: string;
  minGroupSize: number;
  fundamentQuestion: string;
  processesQuestion: string;
  scale: Array<{ title: string; value: string }>;
  tasks: Array<{ title: string; value: string }>;
  noTask: string;
  lastDay: string;
}

export function evaluationCardView(data: { evaluationDate: string; reminder: boolean }, office: Office): EvaluationCardData {
  const ringName = (ring: string) => office.rings.rings.find((r) => r.id === ring)?.name ?? ring;
  return {
    evaluationDate: data.evaluationDate,
    title: data.reminder ? 'Herinnering: halfjaarlijkse evaluatie' : 'Halfjaarlijkse evaluatie van het model',
    intro: `Op ${dutchDate(data.evaluationDate)} bespreekt het MT met het RAO Onderwijs of het kern-en-ringenmodel nog past. Wat vind jij?${data.reminder ? ' Je hebt nog niet geantwoord; het kost twee minuten.' : ''}`,
    minGroupSize: office.capacity.evaluation.minGroupSize,
    fundamentQuestion: FUNDAMENT_QUESTION,
    processesQuestion: PROCESSES_QUESTION,
    scale: SCALE.map((title, i) => ({ title, value: String(i + 1) })),
    tasks: [{ title: 'Geen: de indeling klopt', value: NO_TASK_CHOICE }, ...office.rings.tasks.map((t) => ({ title: `${t.name} (${ringName(t.ring)})`, value: t.id }))],
    noTask: NO_TASK_CHOICE,
    lastDay: dutchDate(DateTime.fromISO(data.evaluationDate).minus({ days: 1 }).toISODate()!),
  };
}
