import type { CapacityRule, CapacityRules } from '../../config/capacity-rules';
import { applyPreset, ringPresets, type RingId, type RingModel, type RingPreset, type TaskStatuses } from '../../config/rings';
import type { DueSignal, OfficeWeek, TeamWeek } from './types';

/** Pure rules of the capacity signal: the office's weekly measures, episodes, and the suggestion. */

const WEEK_MS = 7 * 86_400_000;
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The snapshots grouped into office weeks, oldest first. */
export function officeWeeks(snapshots: TeamWeek[]): OfficeWeek[] {
  const byWeek = new Map<string, TeamWeek[]>();
  for (const s of snapshots) byWeek.set(s.weekStart, [...(byWeek.get(s.weekStart) ?? []), s]);
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, teams]) => {
      const sum = (pick: (t: TeamWeek) => number) => teams.reduce((total, t) => total + pick(t), 0);
      return {
        weekStart,
        openCasesOfNorm: share(sum((t) => t.openCases), sum((t) => t.normCases)),
        availableCapacity: share(sum((t) => t.availableDays), sum((t) => t.possibleDays)),
        teams: [...teams].sort((a, b) => a.regioteam.localeCompare(b.regioteam)),
      };
    });
}

export const measureOf = (week: OfficeWeek, rule: Pick<CapacityRule, 'measure'>): number | null => week[rule.measure];

/** Whether the rule holds in the week; a week without figures never holds. */
export function ruleHolds(rule: CapacityRule, week: OfficeWeek): boolean {
  const value = measureOf(week, rule);
  if (value === null) return false;
  return rule.direction === 'above' ? value > rule.threshold : value < rule.threshold;
}

/**
 * The run of weeks at the end of the series in which `holds` is true. A week in which it does not
 * hold ends the run, and so does a missing week (no snapshot): "consecutive" means calendar weeks.
 */
export function trailingRun(weeks: OfficeWeek[], holds: (week: OfficeWeek) => boolean): OfficeWeek[] {
  const run: OfficeWeek[] = [];
  for (let i = weeks.length - 1; i >= 0; i -= 1) {
    const week = weeks[i]!;
    const next = run[0];
    if (!holds(week)) break;
    if (next && Date.parse(next.weekStart) - Date.parse(week.weekStart) !== WEEK_MS) break;
    run.unshift(week);
  }
  return run;
}

/** Rings from the outside in; the kern is not in the list, so it is never suggested. */
const PAUSABLE: RingId[] = ['ring3', 'ring2', 'ring1'];

/**
 * The next ring inward: the outermost ring of 1–3 that still runs in some task, as the first preset
 * that pauses it and every ring outside it while leaving every kern task as it is normally.
 * Undefined when rings 1–3 are all paused already: then nothing further is suggested.
 */
export function suggestPreset(model: RingModel, tasks: TaskStatuses, presets: RingPreset[] = ringPresets): RingPreset | undefined {
  const inRing = (ring: RingId) => model.tasks.filter((t) => t.ring === ring);
  const index = PAUSABLE.findIndex((ring) => inRing(ring).some((t) => (tasks[t.id] ?? 'normaal') !== 'niet'));
  if (index < 0) return undefined;
  const toPause = PAUSABLE.slice(0, index + 1);
  return presets.find((preset) => {
    const after = applyPreset(model, preset);
    const kernUntouched = inRing('kern').every((t) => after[t.id] === 'normaal');
    return kernUntouched && toPause.every((ring) => inRing(ring).every((t) => after[t.id] === 'niet'));
  });
}

/** The state of the rings when the weekly run looks at the signals. */
export interface RingSituation {
  tasks: TaskStatuses;
  /** The statusaanpassing in force, if any. */
  change?: { id: number; title: string; startDate: string; endDate?: string; reasonCategory: string };
}

/** Evidence is the run's last weeks; a long episode still shows a card-sized table. */
const EVIDENCE_WEEKS = 8;

/**
 * The signals due after the newest week. A capacity signal per rule that held for at least
 * `consecutiveWeeks`; a recovery signal when a change for a capacity reason is in force and no rule
 * held for that many weeks since it started. Each is keyed by the first week of its run, so the
 * caller stores it once per episode however many weeks the run lasts.
 */
export function dueSignals(weeks: OfficeWeek[], config: CapacityRules, situation: RingSituation, model: RingModel): DueSignal[] {
  const needed = config.consecutiveWeeks;
  const due: DueSignal[] = [];
  for (const rule of config.rules) {
    const run = trailingRun(weeks, (week) => ruleHolds(rule, week));
    if (run.length < needed) continue;
    due.push({
      kind: 'capacity',
      ruleKey: rule.id,
      episodeStart: run[0]!.weekStart,
      rules: [rule],
      weeks: run.slice(-EVIDENCE_WEEKS),
      suggestedPreset: suggestPreset(model, situation.tasks)?.id,
      ...(situation.change ? { change: changeRef(situation.change) } : {}),
    });
  }
  const change = situation.change;
  if (change && config.recoveryReasons.includes(change.reasonCategory)) {
    const since = weeks.filter((week) => week.weekStart >= mondayOf(change.startDate));
    const run = trailingRun(since, (week) => week.openCasesOfNorm !== null && config.rules.every((rule) => !ruleHolds(rule, week)));
    if (run.length >= needed) {
      due.push({ kind: 'recovery', ruleKey: `change:${change.id}`, episodeStart: run[0]!.weekStart, rules: config.rules, weeks: run.slice(-EVIDENCE_WEEKS), change: changeRef(change) });
    }
  }
  return due;
}

/**
 * Signals of rules that started to hold in the same run, as one: every rule named, the longest run
 * as evidence, the first signal's id (its card and button). Each rule keeps its own stored episode.
 */
export function combineSignals<S extends DueSignal>(signals: [S, ...S[]]): S {
  const [first, ...rest] = signals;
  const longest = signals.reduce((a, b) => (b.weeks.length > a.weeks.length ? b : a));
  return { ...first, rules: [first, ...rest].flatMap((s) => s.rules), weeks: longest.weeks };
}

const changeRef = (c: NonNullable<RingSituation['change']>) => ({ id: c.id, title: c.title, ...(c.endDate ? { endDate: c.endDate } : {}) });

/** Monday of the ISO week of a YYYY-MM-DD date (UTC arithmetic on the date alone). */
export function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}
