import { dutchLongDate } from '../../lib/dates';
import { can, type Actor } from '../authz';
import type { Office } from '../../config/office';
import type { CapacitySummary } from '../capacity/summary';
import type { HelpRequestSummary } from '../caseload/types';
import type { Logger } from '../logger';
import type { MdoSummary } from '../mdo/store';
import type { MonitoringSummary } from '../monitoring/summary';
import type { StatusSummary } from '../status/summary';
import { logUnavailable } from './guard';
import { capacityEvaluationRows } from './sections/capacity';
import { mdoOutcomes } from './sections/mdo';
import type { EvaluationRow, EvaluationView, Period } from './types';

export const EVALUATION_FORBIDDEN = 'De halfjaarlijkse evaluatie zien alleen het MT, beleidsmedewerkers en teamleiders.';

export const CAPACITY_FORBIDDEN = 'De capaciteit per week zien alleen het MT, beleidsmedewerkers en teamleiders.';

export const seesEvaluation = (actor: Actor): boolean => can(actor, 'evaluation.view');

/** The features' summaries, already requested for the sections; the evaluation reuses them. */
export interface EvaluationFigures {
  status: Promise<StatusSummary>;
  help: Promise<HelpRequestSummary>;
  mdo: Promise<MdoSummary>;
  monitoring: Promise<MonitoringSummary>;
  capacity: Promise<CapacitySummary>;
}

function statusRows(summary: StatusSummary, { from, to }: Period): EvaluationRow[] {
  // Changes in force at some moment of the period.
  const changes = summary.changes.filter((c) => c.startDate < to && (!c.endDate || c.endDate >= from));
  return [
    { part: 'Statusaanpassingen', measure: 'Aantal in deze periode', value: String(changes.length) },
    ...changes.map((c) => ({
      part: 'Statusaanpassingen',
      measure: `${c.title} (${dutchLongDate(c.startDate)}${c.endDate ? ` tot ${dutchLongDate(c.endDate)}` : ', zonder einddatum'})`,
      value: `${c.durationDays} ${c.durationDays === 1 ? 'dag' : 'dagen'}`,
    })),
  ];
}

const helpRows = (h: HelpRequestSummary): EvaluationRow[] => [
  { part: 'Ondersteuningsvragen', measure: 'Gevraagd', value: String(h.asked) },
  { part: 'Ondersteuningsvragen', measure: 'Beantwoord (hulp geaccepteerd)', value: String(h.answered) },
  { part: 'Ondersteuningsvragen', measure: 'Geëscaleerd naar teamleider', value: String(h.escalated) },
];

const mdoRows = (m: MdoSummary): EvaluationRow[] => [
  { part: 'MDO-besluiten', measure: 'Totaal', value: String(m.total) },
  ...mdoOutcomes(m).map((o) => ({ part: 'MDO-besluiten', measure: o.label, value: String(o.count) })),
  { part: 'MDO-besluiten', measure: 'Anders besloten dan het advies', value: String(m.overridden) },
  { part: 'MDO-besluiten', measure: 'Geschatte bespaarde uren', value: String(m.hoursSaved).replace('.', ',') },
];

const monitoringRows = (m: MonitoringSummary): EvaluationRow[] => [
  // The monitoring summary counts announcements since the start, not per period.
  { part: 'Monitoring', measure: 'Termijnen op tijd gemeld (sinds de start)', value: String(m.onTime) },
  { part: 'Monitoring', measure: 'Termijnen te laat gemeld (sinds de start)', value: String(m.late) },
  { part: 'Monitoring', measure: 'Nu verlopen', value: String(m.overdue) },
];

/** The half-yearly evaluation's figures, part by part; a part whose figures fail is listed as missing. */
export async function evaluationView(period: Period, figures: EvaluationFigures, office: Office, log: Logger): Promise<EvaluationView> {
  const rows: EvaluationRow[] = [];
  const missing: string[] = [];
  const part = async <T>(name: string, figure: Promise<T>, toRows: (summary: T) => EvaluationRow[]) => {
    try {
      rows.push(...toRows(await figure));
    } catch (error) {
      logUnavailable(log, `evaluation: ${name}`, error);
      missing.push(name);
    }
  };
  await part('Statusaanpassingen', figures.status, (s) => statusRows(s, period));
  await part('Ondersteuningsvragen', figures.help, helpRows);
  await part('MDO-besluiten', figures.mdo, mdoRows);
  await part('Monitoring', figures.monitoring, monitoringRows);
  await part('Capaciteit en evaluatie door medewerkers', figures.capacity, (c) => capacityEvaluationRows(c, office));
  return { period, rows, missing };
}
