import { DateTime } from 'luxon';
import { timeZone } from '../lib/time-zone';
import type { Office } from '../config/office';
import { EXECUTION_STATUS_LABEL, type ExecutionStatus } from '../config/rings';
import { can, type Actor } from './authz';
import { HELP_KINDS, STATUS_LABELS, URGENCIES } from '../config/caseload-labels';
import { helpRequestSummary, workloadSummary } from './caseload/store/workload';
import type { HelpRequestSummary, WorkloadRow } from './caseload/types';
import { toCsv } from './csv-export';
import type { Queryable } from './db';
import type { Logger } from './logger';
import { mdoSummary, type MdoSummary } from './mdo/store';
import { OUTCOME_LABEL, type MdoOutcome } from '../config/mdo-labels';
import { monitoringSummary, type MonitoringSummary } from './monitoring/summary';
import type { RingState } from './status/current';
import { statusSummary, type StatusSummary } from './status/summary';

/**
 * What the Overzicht tab shows, per section, already filtered for the actor. Each section says
 * whether it has data, is not for this role, or is not available yet (its feature is not built).
 */
export type Section<T> = { state: 'ok'; data: T } | { state: 'forbidden'; reason: string } | { state: 'unavailable' };

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface StatusView {
  activeChange?: { title: string; startDate: string; endDate?: string; reason: string };
  rings: Array<{ id: string; name: string; tasks: Array<{ id: string; name: string; status: ExecutionStatus; statusLabel: string }> }>;
}

export interface MonitoringView {
  overdue: number;
  weeks: Array<{ weekStart: string; label: string; count: number }>;
}

export interface WorkloadTeamView {
  regioteam: string;
  name: string;
  norm: number;
  people: number;
  totalOpen: number;
  averageOpen: number;
  aboveNorm: number;
  /** Per-person figures, only when the actor may see them for this team. */
  persons?: Array<{ name: string; openCases: number; isBuffer: boolean }>;
}

export interface HelpRequestsView {
  /** Open requests of teams whose details the actor may see. */
  open: Array<{ id: number; regioteam: string; kind: string; urgency: string; status: string; createdAt: string }>;
  openPerTeam: Array<{ regioteam: string; name: string; count: number }>;
}

export interface MdoView {
  period: Period;
  total: number;
  byOutcome: Array<{ outcome: string; label: string; count: number }>;
}

export interface EvaluationRow {
  part: string;
  measure: string;
  value: string;
}

export interface EvaluationView {
  period: Period;
  rows: EvaluationRow[];
  /** Parts that have no figures yet because their feature is not built. */
  missing: string[];
}

export interface OverviewView {
  generatedAt: string;
  actor: { name: string; roleLabel: string; regioteam?: string };
  status: Section<StatusView>;
  monitoring: Section<MonitoringView>;
  workload: Section<{ teams: WorkloadTeamView[] }>;
  helpRequests: Section<HelpRequestsView>;
  mdo: Section<MdoView>;
  evaluation: Section<EvaluationView>;
}

/** The other features' summaries (injectable for tests). A failing one renders as "nog niet beschikbaar". */
export interface OverviewSources {
  status(q: Queryable, office: Office, now: Date): Promise<StatusSummary>;
  workload(q: Queryable, office: Office, options: { regioteam?: string }): Promise<WorkloadRow[]>;
  helpRequests(q: Queryable, range: { from: Date; to: Date }): Promise<HelpRequestSummary>;
  monitoring(q: Queryable, office: Office, now: Date, zone: string): Promise<MonitoringSummary>;
  mdo(q: Queryable, period: { from: Date; to: Date }): Promise<MdoSummary>;
}

export const defaultSources: OverviewSources = {
  status: statusSummary,
  workload: workloadSummary,
  helpRequests: helpRequestSummary,
  monitoring: monitoringSummary,
  mdo: mdoSummary,
};

export function roleLabel(actor: Actor, office?: Pick<Office, 'regioteams'>): string {
  if (actor.isMt) return 'MT';
  const name = (id: string) => office?.regioteams.find((t) => t.id === id)?.name ?? id;
  if (actor.teamleiderOf.length) return `Teamleider ${actor.teamleiderOf.map(name).join(', ')}`;
  if (actor.isBeleid) return 'Beleidsmedewerker';
  return 'Medewerker';
}

/**
 * The evaluation period: the half-year that ends at the next evaluation date (RAO Onderwijs), or
 * the calendar half-year when no evaluation date is ahead.
 */
export function evaluationPeriod(office: Pick<Office, 'evaluationDates'>, now: Date, zone: string): Period {
  const today = DateTime.fromJSDate(now, { zone: timeZone(zone) }).startOf('day');
  const next = office.evaluationDates
    .map((iso) => DateTime.fromISO(iso, { zone: timeZone(zone) }))
    .filter((d) => d > today)
    .sort((a, b) => a.toMillis() - b.toMillis())[0];
  const to = next ?? (today.month <= 6 ? today.set({ month: 7, day: 1 }) : today.plus({ years: 1 }).set({ month: 1, day: 1 }));
  const from = to.minus({ months: 6 });
  const label = next ? `halfjaar tot de evaluatie van ${to.setLocale('nl').toFormat('d MMMM yyyy')}` : `${from.setLocale('nl').toFormat('d MMMM yyyy')} – ${to.minus({ days: 1 }).setLocale('nl').toFormat('d MMMM yyyy')}`;
  return { from: from.toISODate()!, to: to.toISODate()!, label };
}

/** Whether the actor may see per-person workload figures of `regioteam`. */
export function seesPersonsOf(actor: Actor, regioteam: string, office: Pick<Office, 'showOtherTeamsWorkload'>): boolean {
  return actor.regioteam === regioteam || office.showOtherTeamsWorkload || can(actor, 'caseload.otherTeamFigures', { regioteam });
}

export function workloadView(rows: WorkloadRow[], actor: Actor, office: Pick<Office, 'regioteams' | 'showOtherTeamsWorkload'>): WorkloadTeamView[] {
  return office.regioteams.map((team) => {
    const mine = rows.filter((r) => r.regioteam === team.id);
    const totalOpen = mine.reduce((sum, r) => sum + r.openCases, 0);
    const view: WorkloadTeamView = {
      regioteam: team.id,
      name: team.name,
      norm: team.caseloadNorm,
      people: mine.length,
      totalOpen,
      averageOpen: mine.length ? Math.round(totalOpen / mine.length) : 0,
      aboveNorm: mine.filter((r) => r.openCases > r.norm).length,
    };
    if (seesPersonsOf(actor, team.id, office)) view.persons = mine.map((r) => ({ name: r.name, openCases: r.openCases, isBuffer: r.isBuffer }));
    return view;
  });
}

function statusView(state: RingState, office: Office): StatusView {
  return {
    activeChange: state.activeChange && {
      title: state.activeChange.title,
      startDate: state.activeChange.startDate,
      endDate: state.activeChange.endDate,
      reason: state.activeChange.reason,
    },
    rings: office.rings.rings.map((ring) => ({
      id: ring.id,
      name: ring.name,
      tasks: office.rings.tasks
        .filter((t) => t.ring === ring.id)
        .map((t) => {
          const status = state.tasks[t.id] ?? 'normaal';
          return { id: t.id, name: t.name, status, statusLabel: EXECUTION_STATUS_LABEL[status] };
        }),
    })),
  };
}

/** Marks a shared promise as handled; every reader still sees its rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A feature's summary failing (e.g. its table is still being built) must not take the tab down. */
function unavailable(log: Logger, section: string, error: unknown): void {
  log.warn({ err: error, section }, 'overview section unavailable');
}

async function guarded<T>(log: Logger, section: string, run: () => Promise<Section<T>>): Promise<Section<T>> {
  try {
    return await run();
  } catch (error) {
    unavailable(log, section, error);
    return { state: 'unavailable' };
  }
}

export interface OverviewInput {
  db: Queryable;
  office: Office;
  actor: Actor;
  now: Date;
  zone: string;
  sources?: OverviewSources;
  /** The request's logger (it carries the correlation id). */
  log: Logger;
}

export async function buildOverview(input: OverviewInput): Promise<OverviewView> {
  const { db, office, actor, now, zone, log } = input;
  const sources = input.sources ?? defaultSources;
  const period = evaluationPeriod(office, now, zone);
  const range = { from: DateTime.fromISO(period.from, { zone: timeZone(zone) }).toJSDate(), to: DateTime.fromISO(period.to, { zone: timeZone(zone) }).toJSDate() };
  const teamName = (id: string) => office.regioteams.find((t) => t.id === id)?.name ?? id;

  const statusSummary = quiet(sources.status(db, office, now));
  const monitoringSummary = quiet(sources.monitoring(db, office, now, zone));
  const status = guarded<StatusView>(log, 'status', async () => ({ state: 'ok', data: statusView((await statusSummary).current, office) }));
  const monitoring = guarded<MonitoringView>(log, 'monitoring', async () => ({ state: 'ok', data: monitoringView(await monitoringSummary, zone) }));
  const workload = guarded<{ teams: WorkloadTeamView[] }>(log, 'workload', async () => ({
    state: 'ok',
    data: { teams: workloadView(await sources.workload(db, office, {}), actor, office) },
  }));
  // Up to and including this instant: a request made a moment ago is open too.
  const helpSummary = quiet(sources.helpRequests(db, { from: range.from, to: new Date(now.getTime() + 1) }));
  const helpRequests = guarded<HelpRequestsView>(log, 'helpRequests', async () => {
    const summary = await helpSummary;
    return {
      state: 'ok',
      data: {
        open: summary.open
          .filter((r) => seesPersonsOf(actor, r.regioteam, office))
          .map((r) => ({
            id: r.id,
            regioteam: teamName(r.regioteam),
            kind: HELP_KINDS[r.kind] ?? r.kind,
            urgency: URGENCIES[r.urgency] ?? r.urgency,
            status: STATUS_LABELS[r.status] ?? r.status,
            createdAt: r.createdAt.toISOString(),
          })),
        openPerTeam: office.regioteams.map((t) => ({ regioteam: t.id, name: t.name, count: summary.open.filter((r) => r.regioteam === t.id).length })),
      },
    };
  });
  const mdoSeen = can(actor, 'mdo.overview') || can(actor, 'evaluation.view');
  const mdoResult = mdoSeen ? quiet(sources.mdo(db, range)) : undefined;
  const mdo = guarded<MdoView>(log, 'mdo', async () => {
    if (!mdoResult) return { state: 'forbidden', reason: 'MDO-besluiten per uitkomst zien alleen teamleiders, beleidsmedewerkers en het MT.' };
    const summary = await mdoResult;
    return { state: 'ok', data: { period, total: summary.total, byOutcome: outcomes(summary) } };
  });
  const evaluation = guarded<EvaluationView>(log, 'evaluation', async () => {
    if (!can(actor, 'evaluation.view')) return { state: 'forbidden', reason: 'De halfjaarlijkse evaluatie zien alleen het MT, beleidsmedewerkers en teamleiders.' };
    return { state: 'ok', data: await evaluationView(period, { status: statusSummary, help: helpSummary, mdo: mdoResult!, monitoring: monitoringSummary }, log) };
  });

  const [s, m, w, h, d, e] = await Promise.all([status, monitoring, workload, helpRequests, mdo, evaluation]);
  return {
    generatedAt: now.toISOString(),
    actor: { name: actor.name, roleLabel: roleLabel(actor, office), regioteam: actor.regioteam && teamName(actor.regioteam) },
    status: s,
    monitoring: m,
    workload: w,
    helpRequests: h,
    mdo: d,
    evaluation: e,
  };
}

/** Every outcome of the MDO flow, in the flow's order, with zero counts kept (so the chart is stable). */
function outcomes(summary: MdoSummary): MdoView['byOutcome'] {
  const known = Object.keys(OUTCOME_LABEL) as MdoOutcome[];
  const extra = Object.keys(summary.byOutcome).filter((k) => !known.includes(k as MdoOutcome));
  return [...known, ...extra].map((outcome) => ({
    outcome,
    label: OUTCOME_LABEL[outcome as MdoOutcome] ?? outcome,
    count: summary.byOutcome[outcome] ?? 0,
  }));
}

function monitoringView(summary: MonitoringSummary, zone: string): MonitoringView {
  return {
    overdue: summary.overdue,
    weeks: summary.perWeek.map((w) => {
      const start = DateTime.fromISO(w.weekStart, { zone: timeZone(zone) }).setLocale('nl');
      return { weekStart: w.weekStart, label: `Week ${start.weekNumber} (${start.toFormat('d MMM')})`, count: w.count };
    }),
  };
}

async function evaluationView(
  period: Period,
  figures: { status: Promise<StatusSummary>; help: Promise<HelpRequestSummary>; mdo: Promise<MdoSummary>; monitoring: Promise<MonitoringSummary> },
  log: Logger,
): Promise<EvaluationView> {
  const rows: EvaluationRow[] = [];
  const missing: string[] = [];
  const part = async (name: string, load: () => Promise<EvaluationRow[]>) => {
    try {
      rows.push(...(await load()));
    } catch (error) {
      unavailable(log, `evaluation: ${name}`, error);
      missing.push(name);
    }
  };
  await part('Statusaanpassingen', async () => {
    const { from, to } = period;
    // Changes in force at some moment of the period.
    const changes = (await figures.status).changes.filter((c) => c.startDate < to && (!c.endDate || c.endDate >= from));
    return [
      { part: 'Statusaanpassingen', measure: 'Aantal in deze periode', value: String(changes.length) },
      ...changes.map((c) => ({
        part: 'Statusaanpassingen',
        measure: `${c.title} (${c.startDate}${c.endDate ? ` tot ${c.endDate}` : ', zonder einddatum'})`,
        value: `${c.durationDays} ${c.durationDays === 1 ? 'dag' : 'dagen'}`,
      })),
    ];
  });
  await part('Ondersteuningsvragen', async () => {
    const h = await figures.help;
    return [
      { part: 'Ondersteuningsvragen', measure: 'Gevraagd', value: String(h.asked) },
      { part: 'Ondersteuningsvragen', measure: 'Beantwoord (hulp geaccepteerd)', value: String(h.answered) },
      { part: 'Ondersteuningsvragen', measure: 'Geëscaleerd naar teamleider', value: String(h.escalated) },
    ];
  });
  await part('MDO-besluiten', async () => {
    const m = await figures.mdo;
    return [
      { part: 'MDO-besluiten', measure: 'Totaal', value: String(m.total) },
      ...outcomes(m).map((o) => ({ part: 'MDO-besluiten', measure: o.label, value: String(o.count) })),
      { part: 'MDO-besluiten', measure: 'Anders besloten dan het advies', value: String(m.overridden) },
      { part: 'MDO-besluiten', measure: 'Geschatte bespaarde uren', value: String(m.hoursSaved).replace('.', ',') },
    ];
  });
  await part('Monitoring', async () => {
    const m = await figures.monitoring;
    return [
      // The monitoring summary counts announcements since the start, not per period.
      { part: 'Monitoring', measure: 'Termijnen op tijd gemeld (sinds de start)', value: String(m.onTime) },
      { part: 'Monitoring', measure: 'Termijnen te laat gemeld (sinds de start)', value: String(m.late) },
      { part: 'Monitoring', measure: 'Nu verlopen', value: String(m.overdue) },
    ];
  });
  return { period, rows, missing };
}

// ---------------------------------------------------------------------------------------------
// Export

export function evaluationCsv(view: EvaluationView): string {
  return toCsv(['Onderdeel', 'Kenmerk', 'Waarde'], view.rows.map((r) => [r.part, r.measure, r.value]));
}

const mdCell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function evaluationMarkdown(view: EvaluationView, office: Pick<Office, 'name'>): string {
  const out = [`# Halfjaarlijkse evaluatie ${office.name}`, '', `Periode: ${view.period.from} tot ${view.period.to} (${view.period.label}).`, ''];
  const parts = [...new Set(view.rows.map((r) => r.part))];
  for (const part of parts) {
    out.push(`## ${part}`, '', '| Kenmerk | Waarde |', '|---|---|');
    for (const row of view.rows.filter((r) => r.part === part)) out.push(`| ${mdCell(row.measure)} | ${mdCell(row.value)} |`);
    out.push('');
  }
  if (view.missing.length) out.push(`Nog niet beschikbaar: ${view.missing.join(', ')}.`, '');
  return out.join('\n');
}
