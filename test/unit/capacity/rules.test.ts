import { defaultOfficeInput, parseOffice } from '../../../config/office';
import { allNormal, applyPreset, ringPresets, type TaskStatuses } from '../../../config/rings';
import { dueSignals, officeWeeks, suggestPreset, type RingSituation } from '../../../services/capacity/rules';
import type { DueSignal, TeamWeek } from '../../../services/capacity/types';
import { weekLabel } from '../../../cards/capacity/views';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const rules = office.capacity;
const preset = (id: string) => applyPreset(model, ringPresets.find((p) => p.id === id)!);

/** Week n (0-based) of a series starting on a Monday; dates only as labels of the snapshots. */
const monday = (n: number) => new Date(Date.UTC(2027, 0, 4) + n * 7 * 86_400_000).toISOString().slice(0, 10);

/** Two teams of 5 consulenten, norm 60 each; `load` is open cases as a share of the norm, `available` of the days. */
function week(n: number, load: number, available = 1): TeamWeek[] {
  return ['noord', 'zuid'].map((regioteam) => ({
    regioteam, weekStart: monday(n), consulenten: 5, possibleDays: 50, availableDays: Math.round(50 * available),
    openCases: Math.round(300 * load), normCases: 300, newCases: 4, helpAsked: 1, helpUnanswered: 0, helpEscalated: 0, monitoringOverdue: 0,
  }));
}

/**
 * Runs the weekly evaluation over a series like the job does: after each week, the due signals
 * are stored under their (kind, rule, episode start) key, so one stored per episode.
 */
function replay(loads: Array<[number, number?]>, situation: (n: number) => RingSituation = () => ({ tasks: allNormal(model) })): Array<DueSignal & { week: number }> {
  const stored = new Map<string, DueSignal & { week: number }>();
  const snapshots: TeamWeek[] = [];
  loads.forEach(([load, available], n) => {
    snapshots.push(...week(n, load, available));
    for (const signal of dueSignals(officeWeeks(snapshots), rules, situation(n), model)) {
      const key = `${signal.kind}:${signal.ruleKey}:${signal.episodeStart}`;
      if (!stored.has(key)) stored.set(key, { ...signal, week: n });
    }
  });
  return [...stored.values()];
}

describe('capacity signal rules (pure)', () => {
  it('has the report\'s defaults: three weeks, open cases above 110 % or capacity below 85 %', () => {
    expect(rules.consecutiveWeeks).toBe(3);
    expect(rules.rules.map((r) => [r.measure, r.direction, r.threshold])).toEqual([['openCasesOfNorm', 'above', 1.1], ['availableCapacity', 'below', 0.85]]);
  });

  it('refuses a bad rule in the office file with one English line naming it', () => {
    const bad = { ...defaultOfficeInput, capacity: { rules: [{ id: 'open-boven-norm', measure: 'openCasesOfNorm', direction: 'above', threshold: -1 }] } };
    expect(() => parseOffice(bad)).toThrow(/capacity\.rules\.0\.threshold/);
  });

  it('a three-week episode fires once, in its third week, with those weeks as evidence and ring 3 as the suggestion', () => {
    const signals = replay([[1], [1.15], [1.2], [1.18], [1.25], [1.3], [1.2]]);
    expect(signals).toHaveLength(1);
    const [signal] = signals;
    expect(signal!.week).toBe(3);
    expect(signal!.ruleKey).toBe('open-boven-norm');
    expect(signal!.episodeStart).toBe(monday(1));
    expect(signal!.weeks.map((w) => w.weekStart)).toEqual([monday(1), monday(2), monday(3)]);
    expect(signal!.weeks[0]!.teams.map((t) => t.regioteam)).toEqual(['noord', 'zuid']);
    expect(signal!.suggestedPreset).toBe('ring3-gepauzeerd');
  });

  it('two weeks above the threshold do not fire, and exactly at 110 % does not hold', () => {
    expect(replay([[1.2], [1.2], [1], [1.2], [1.2], [1.1], [1.1], [1.1]])).toEqual([]);
  });

  it('a gap resets the count: a week back under the threshold starts a new episode that fires again', () => {
    const signals = replay([[1.2], [1.2], [1], [1.2], [1.2], [1.2], [1], [1.2], [1.2], [1.2]]);
    expect(signals.map((s) => [s.week, s.episodeStart])).toEqual([[5, monday(3)], [9, monday(7)]]);
  });

  it('a week without a snapshot is a gap too', () => {
    const snapshots = [...week(0, 1.2), ...week(1, 1.2), ...week(3, 1.2)];
    expect(dueSignals(officeWeeks(snapshots), rules, { tasks: allNormal(model) }, model)).toEqual([]);
  });

  it('available capacity below 85 % for three weeks is its own rule', () => {
    const signals = replay([[1, 0.8], [1, 0.84], [1, 0.7]]);
    expect(signals.map((s) => s.ruleKey)).toEqual(['capaciteit-onder']);
  });

  it('the reverse signal fires only while a change for a capacity reason is in force, three weeks after recovery', () => {
    const loads: Array<[number]> = [[1.2], [1.2], [1.2], [1.2], [1], [1], [1], [1], [1]];
    const inForce = (n: number): RingSituation =>
      n >= 3 ? { tasks: preset('ring3-gepauzeerd'), change: { id: 7, title: 'Ring 3 gepauzeerd', startDate: monday(3), reasonCategory: 'capaciteit' } } : { tasks: allNormal(model) };
    const recovery = replay(loads, inForce).filter((s) => s.kind === 'recovery');
    expect(recovery.map((s) => [s.week, s.ruleKey, s.episodeStart])).toEqual([[6, 'change:7', monday(4)]]);
    expect(recovery[0]!.change).toEqual({ id: 7, title: 'Ring 3 gepauzeerd' });
    // The same weeks with no change in force, or with a change for a budget reason: no reverse signal.
    expect(replay(loads).filter((s) => s.kind === 'recovery')).toEqual([]);
    const budget = (n: number): RingSituation => ({ ...inForce(n), change: inForce(n).change && { ...inForce(n).change!, reasonCategory: 'financiele-beperking' } });
    expect(replay(loads, budget).filter((s) => s.kind === 'recovery')).toEqual([]);
  });

  it('the reverse signal counts only weeks since the change started', () => {
    const change = { id: 3, title: 'Ring 3 gepauzeerd', startDate: monday(4), reasonCategory: 'capaciteit' };
    const snapshots = [0, 1, 2, 3, 4, 5].flatMap((n) => week(n, 1));
    const situation = { tasks: preset('ring3-gepauzeerd'), change };
    expect(dueSignals(officeWeeks(snapshots), rules, situation, model)).toEqual([]);
    snapshots.push(...week(6, 1));
    expect(dueSignals(officeWeeks(snapshots), rules, situation, model).map((s) => s.episodeStart)).toEqual([monday(4)]);
  });

  it('suggests the next ring inward and never touches the kern', () => {
    const steps: Array<[TaskStatuses, string | undefined]> = [
      [allNormal(model), 'ring3-gepauzeerd'],
      [preset('ring3-gepauzeerd'), 'kern-en-ring1'],
      [preset('kern-en-ring1'), 'noodstand'],
      [preset('noodstand'), undefined],
    ];
    for (const [tasks, expected] of steps) {
      const suggested = suggestPreset(model, tasks);
      expect(suggested?.id).toBe(expected);
      if (suggested) {
        const after = applyPreset(model, suggested);
        for (const task of model.tasks.filter((t) => t.ring === 'kern')) expect(after[task.id]).toBe('normaal');
      }
    }
    // With only presets that would switch kern tasks off, nothing is suggested.
    const kernOff = [{ id: 'alles-uit', name: 'Alles uit', description: '', rings: { kern: 'niet' as const, ring1: 'niet' as const, ring2: 'niet' as const, ring3: 'niet' as const } }];
    expect(suggestPreset(model, allNormal(model), kernOff)).toBeUndefined();
  });
});

describe('capacity card texts (pure)', () => {
  it('names ISO weeks as the calendar does, also around the new year', () => {
    expect(['2026-12-28', '2027-01-04', '2027-01-18', '2027-12-27'].map(weekLabel)).toEqual(['week 53', 'week 1', 'week 3', 'week 52']);
  });
});
