import { findKind, type MonitoringKind, type MonitoringRules, type StageOffset } from '../../config/monitoring-rules';
import type { Office } from '../../config/office';
import { isoDay, parseIsoDay, shiftBy } from '../../lib/dates';
import { validationError } from '../errors';

/** Pure monitoring rules: due dates, the stage that asks for action, keys. No I/O. */

export interface ComputedStage {
  stage: string;
  seq: number;
  dueOn: string;
}

/**
 * Due dates already computed, per office calendar (school weeks step day by day through the
 * holidays, ≈ 0.1 ms); items are mostly started on the same few recent dates. Bounded.
 */
const MEMO_MAX = 10_000;
const dueDates = new WeakMap<object, Map<string, string>>();

/** The due date of one offset from the anchor date, in the office's time zone. */
export function applyOffset(anchorIso: string, offset: StageOffset, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): string {
  let memo = dueDates.get(office);
  if (!memo) dueDates.set(office, (memo = new Map()));
  const key = `${zone ?? ''}|${anchorIso}|${offset.direction}|${offset.amount}|${offset.unit}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const sign = offset.direction === 'after' ? 1 : -1;
  const due = isoDay(shiftBy(parseIsoDay(anchorIso, zone), sign * offset.amount, offset.unit, office));
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, due);
  return due;
}

/** Every stage of a kind with its due date; stored per stage when an item is created or changed. */
export function computeStages(kind: MonitoringKind, anchorIso: string, office: Pick<Office, 'publicHolidays' | 'schoolHolidays'>, zone?: string): ComputedStage[] {
  return kind.stages.map((stage, seq) => ({ stage: stage.id, seq, dueOn: applyOffset(anchorIso, stage.offset, office, zone) }));
}

export function kindOrThrow(rules: MonitoringRules, id: string): MonitoringKind {
  const kind = findKind(rules, id);
  if (!kind) throw validationError(`Onbekende soort monitoring "${id}". Kies een soort uit de lijst.`);
  return kind;
}

/** The stage that asks for action now: the latest announced one, else the next pending one. */
export function currentStage<S extends { status: string }>(stages: S[]): S | undefined {
  const announced = stages.filter((s) => s.status === 'announced');
  return announced.at(-1) ?? stages.find((s) => s.status === 'pending');
}

/** Kinds allowed once per case per school year share this key; a unique column enforces it. */
export const onceKey = (kind: MonitoringKind, caseReference: string, schoolYear: string): string | null =>
  kind.oncePerSchoolYear ? `${kind.id}:${caseReference.toUpperCase()}:${schoolYear}` : null;

/** Dutch refusal for a second preventive talk in the same school year. */
export function oncePerYearMessage(kind: MonitoringKind, caseReference: string, schoolYear: string): string {
  return `Voor casus ${caseReference} is in schooljaar ${schoolYear} al een ${kind.label.toLowerCase()} vastgelegd. ` +
    'De preventieve aanpak is maximaal één keer per leerling per schooljaar (1 augustus – 31 juli); er is niets opgeslagen.';
}

/** The idempotency key of a stage's personal reminder; an extended stage gets a new round. */
export const stageKey = (itemId: number, stage: string, round: number) =>
  round === 0 ? `monitoring:${itemId}:${stage}` : `monitoring:${itemId}:${stage}:r${round}`;

/** The idempotency key of a regioteam's digest of one day. */
export const digestKey = (regioteam: string, day: string) => `monitoring:digest:${regioteam}:${day}`;

/**
 * Which of a team's due and upcoming stages the digest lists where: per item only its latest due
 * stage counts for "today" or "overdue" (a late announcement counts as overdue); stages after today
 * are listed apart. Rows come ordered by due date.
 */
export function splitForDigest<R extends { item_id: number; seq: number; due_on: string; late: boolean }>(rows: R[], today: string) {
  const latest = new Map<number, R>();
  const upcoming: R[] = [];
  for (const row of rows) {
    if (row.due_on > today) upcoming.push(row);
    else if (!latest.has(row.item_id) || latest.get(row.item_id)!.seq < row.seq) latest.set(row.item_id, row);
  }
  const dueToday = [...latest.values()].filter((r) => r.due_on === today && !r.late);
  const overdue = [...latest.values()].filter((r) => r.due_on < today || r.late);
  return { overdue, dueToday, upcoming };
}
