import { DateTime } from 'luxon';
import { CAPACITY_MEASURES } from '../../../config/capacity-rules';
import type { Office } from '../../../config/office';
import { ringPresets } from '../../../config/rings';
import type { StaffEvaluation } from '../../capacity/evaluation-rules';
import type { CapacitySummary } from '../../capacity/summary';
import type { TeamWeek } from '../../capacity/types';
import type { EvaluationRow } from '../types';

/** The capacity trends, signals and the staff's evaluation as rows of the half-yearly evaluation. */

const week = (weekStart: string) => `week ${DateTime.fromISO(weekStart, { zone: 'utc' }).weekNumber}`;
const decimal = (n: number) => String(n).replace('.', ',');
const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—');

function trendRows(weeks: TeamWeek[], office: Pick<Office, 'regioteams'>): EvaluationRow[] {
  return office.regioteams.flatMap((team) => {
    const own = weeks.filter((w) => w.regioteam === team.id);
    if (own.length === 0) return [];
    const sum = (pick: (w: TeamWeek) => number) => own.reduce((total, w) => total + pick(w), 0);
    const part = 'Capaciteit per week';
    return [
      { part, measure: `${team.name}: weken gemeten`, value: String(own.length) },
      { part, measure: `${team.name}: open casussen t.o.v. de norm (gemiddeld)`, value: percent(sum((w) => w.openCases), sum((w) => w.normCases)) },
      { part, measure: `${team.name}: beschikbare capaciteit (gemiddeld)`, value: percent(sum((w) => w.availableDays), sum((w) => w.possibleDays)) },
      { part, measure: `${team.name}: hulpvragen gesteld / geëscaleerd`, value: `${sum((w) => w.helpAsked)} / ${sum((w) => w.helpEscalated)}` },
    ];
  });
}

function signalRows(summary: CapacitySummary): EvaluationRow[] {
  const part = 'Capaciteitssignalen';
  return [
    { part, measure: 'Signalen aan het MT', value: String(summary.signals.length) },
    ...summary.signals.map((s) => {
      const span = `${week(s.weeks[0]!.weekStart)} t/m ${week(s.weeks.at(-1)!.weekStart)}`;
      if (s.kind === 'recovery') return { part, measure: `Capaciteit hersteld (${span})`, value: `einde voorgesteld van ${s.change?.title ?? 'de statusaanpassing'}` };
      const rule = s.rules.map((r) => `${CAPACITY_MEASURES[r.measure].toLowerCase()} ${r.direction === 'above' ? 'boven' : 'onder'} ${Math.round(r.threshold * 100)} %`).join(', ');
      const preset = ringPresets.find((p) => p.id === s.suggestedPreset)?.name;
      return { part, measure: `Signaal: ${rule} (${span})`, value: preset ? `voorstel: ${preset}` : 'geen verdere ring voorgesteld' };
    }),
  ];
}

export const FUNDAMENT = 'Indeling stabiele fundament passend';
export const PROCESSES = 'Verbeteren van processen verloopt goed';

function staffRows(staff: StaffEvaluation, office: Office): EvaluationRow[] {
  const part = `Evaluatie door medewerkers (${DateTime.fromISO(staff.evaluationDate).setLocale('nl').toFormat('d MMMM yyyy')})`;
  const rows: EvaluationRow[] = [
    { part, measure: 'Uitgenodigd', value: String(staff.invited) },
    { part, measure: 'Geantwoord', value: String(staff.answered) },
  ];
  if (!staff.shown || !staff.fundament || !staff.processes) {
    return [...rows, { part, measure: 'Uitkomsten', value: `pas vanaf ${staff.minGroupSize} antwoorden (anoniem)` }];
  }
  const task = (id: string) => office.rings.tasks.find((t) => t.id === id)?.name ?? id;
  const group = (key: string) => (key === 'beleid' ? 'Beleid' : office.regioteams.find((t) => t.id === key)?.name ?? 'Overig');
  for (const [label, result] of [[FUNDAMENT, staff.fundament], [PROCESSES, staff.processes]] as const) {
    rows.push(
      { part, measure: `${label} (gemiddeld, 1–5)`, value: decimal(result.average) },
      { part, measure: `${label}: aantal per score 1 / 2 / 3 / 4 / 5`, value: result.distribution.join(' / ') },
      ...result.remarks.map((remark) => ({ part, measure: `Opmerking: ${label.toLowerCase()}`, value: remark })),
    );
  }
  rows.push(...(staff.tasks ?? []).map((t) => ({ part, measure: `Anders indelen: ${task(t.taskId)}`, value: String(t.count) })));
  rows.push(...(staff.groups ?? []).map((g) => ({ part, measure: `${group(g.groupKey)} (${g.answered} antwoorden): fundament / processen`, value: `${decimal(g.fundament)} / ${decimal(g.processes)}` })));
  return rows;
}

export function capacityEvaluationRows(summary: CapacitySummary, office: Office): EvaluationRow[] {
  return [...trendRows(summary.weeks, office), ...signalRows(summary), ...(summary.staff ? staffRows(summary.staff, office) : [])];
}
