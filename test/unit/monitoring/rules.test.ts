import { DateTime } from 'luxon';
import { defaultMonitoringRules, findKind, monitoringRulesSchema } from '../../../config/monitoring-rules';
import { defaultOfficeInput, parseOffice } from '../../../config/office';
import {
  addMonths, addSchoolWeeks, addWorkingDays, isoDay, isSchoolHoliday, localDay, parseIsoDay, previousWorkingDay, schoolYearOf, shiftBy,
} from '../../../lib/dates';
import { computeStages, currentStage, digestKey, kindOrThrow, onceKey, splitForDigest, stageKey } from '../../../services/monitoring/rules';

const office = parseOffice(defaultOfficeInput);
const day = (iso: string) => parseIsoDay(iso);
const stagesOf = (kind: string, anchor: string) =>
  Object.fromEntries(computeStages(findKind(office.monitoringRules, kind)!, anchor, office).map((s) => [s.stage, s.dueOn]));

describe('calendar arithmetic (services/dates.ts)', () => {
  it('clamps month arithmetic to the month end, with leap years', () => {
    expect(isoDay(addMonths(day('2027-05-31'), -3))).toBe('2027-02-28');
    expect(isoDay(addMonths(day('2028-05-31'), -3))).toBe('2028-02-29');
    expect(isoDay(addMonths(day('2026-11-30'), 3))).toBe('2027-02-28');
    expect(isoDay(addMonths(day('2027-01-31'), 1))).toBe('2027-02-28');
    expect(isoDay(addMonths(day('2024-02-29'), 12))).toBe('2025-02-28');
  });

  it('skips weekends and public holidays for working days, in both directions', () => {
    expect(isoDay(addWorkingDays(day('2026-11-27'), 1, office))).toBe('2026-11-30'); // Fri → Mon
    expect(isoDay(addWorkingDays(day('2026-12-24'), 1, office))).toBe('2026-12-28'); // Christmas days
    expect(isoDay(addWorkingDays(day('2026-11-30'), -1, office))).toBe('2026-11-27');
    expect(isoDay(previousWorkingDay(day('2027-01-04'), office))).toBe('2026-12-31'); // 1 Jan is a holiday
  });

  it('keeps the local date across DST changes (Easter 2027 and the October change)', () => {
    // Summer time starts Sunday 28 March 2027, also Eerste Paasdag; Monday is Tweede Paasdag.
    const next = addWorkingDays(day('2027-03-26'), 1, office);
    expect(isoDay(next)).toBe('2027-03-30');
    expect(next.hour).toBe(0);
    expect(next.offset).toBe(120);
    const later = addSchoolWeeks(day('2027-03-22'), 1, office);
    expect([isoDay(later), later.zoneName, later.hour, later.offset]).toEqual(['2027-03-29', 'Europe/Amsterdam', 0, 120]);
    // Winter time starts Sunday 25 October 2026.
    expect(isoDay(shiftBy(day('2026-10-24'), 1, 'weeks', office))).toBe('2026-10-31');
    expect(isoDay(shiftBy(day('2026-10-24'), 2, 'days', office))).toBe('2026-10-26');
    // Just after midnight local time is still "today" in Amsterdam, whatever the UTC date.
    expect(isoDay(localDay(new Date('2026-10-24T22:30:00Z')))).toBe('2026-10-25');
    expect(isoDay(localDay(new Date('2027-03-27T23:30:00Z')))).toBe('2027-03-28');
  });

  it('counts school weeks without school holidays', () => {
    expect(isoDay(addSchoolWeeks(day('2026-11-02'), 4, office))).toBe('2026-11-30'); // Monday → Monday
    expect(isoDay(addSchoolWeeks(day('2026-10-29'), 4, office))).toBe('2026-11-26');
    // Started on the Wednesday before the herfstvakantie (17–25 Oct): one week longer.
    expect(isoDay(addSchoolWeeks(day('2026-10-14'), 4, office))).toBe('2026-11-18');
    // Across the kerstvakantie (19 Dec – 3 Jan): two calendar weeks more.
    expect(isoDay(addSchoolWeeks(day('2026-12-07'), 4, office))).toBe('2027-01-18');
    expect(isSchoolHoliday(day('2026-12-31'), office)).toBe(true);
  });

  it('places the school-year boundary on 1 August', () => {
    expect(schoolYearOf(day('2027-07-31')).label).toBe('2026-2027');
    expect(schoolYearOf(day('2027-08-01')).label).toBe('2027-2028');
    expect(schoolYearOf(day('2026-08-01'))).toEqual({ label: '2026-2027', start: '2026-08-01', end: '2027-07-31' });
    expect(schoolYearOf(day('2028-02-29')).label).toBe('2027-2028');
  });

  it('refuses impossible dates', () => {
    expect(() => parseIsoDay('2027-02-29')).toThrow();
    expect(() => parseIsoDay('2027-13-01')).toThrow();
    expect(isoDay(parseIsoDay('2028-02-29'))).toBe('2028-02-29');
    expect(DateTime.fromISO('2028-02-29').isValid).toBe(true);
  });
});

describe('monitoring rules (config/monitoring-rules.ts)', () => {
  it('are valid data with the defaults from the report', () => {
    expect(monitoringRulesSchema.parse(defaultMonitoringRules).kinds.map((k) => k.id)).toEqual([
      'overdracht-wijkteam', 'vrijstelling-5a', 'thuiszitter', 'no-show', 'preventief-gesprek',
    ]);
    expect(office.monitoringRules.retentionMonths).toBe(12);
  });

  it('overdracht-wijkteam: check at +4 weeks, deadline at +6 weeks', () => {
    expect(stagesOf('overdracht-wijkteam', '2026-10-27')).toEqual({ controle: '2026-11-24', termijn: '2026-12-08' });
  });

  it('vrijstelling-5a: end −3 months and −1 month, clamped to the month end', () => {
    expect(stagesOf('vrijstelling-5a', '2027-05-31')).toEqual({ overleg: '2027-02-28', herinnering: '2027-04-30' });
    expect(stagesOf('vrijstelling-5a', '2028-05-31')).toEqual({ overleg: '2028-02-29', herinnering: '2028-04-30' });
  });

  it('thuiszitter: 4 school weeks (holidays skipped) and 3 months', () => {
    expect(stagesOf('thuiszitter', '2026-10-14')).toEqual({ langdurig: '2026-11-18', thuiszitterstafel: '2027-01-14' });
  });

  it('no-show: the next working day after the missed appointment', () => {
    expect(stagesOf('no-show', '2026-11-27')).toEqual({ opvolgen: '2026-11-30' });
    expect(stagesOf('no-show', '2026-12-24')).toEqual({ opvolgen: '2026-12-28' });
  });

  it('preventief-gesprek: feedback after 3 working days, once per school year', () => {
    expect(stagesOf('preventief-gesprek', '2026-11-19')).toEqual({ terugkoppeling: '2026-11-24' });
    expect(stagesOf('preventief-gesprek', '2027-04-22')).toEqual({ terugkoppeling: '2027-04-28' }); // Koningsdag 27 April
    expect(findKind(office.monitoringRules, 'preventief-gesprek')!.oncePerSchoolYear).toBe(true);
  });

  it('refuses a rule set with a duplicate kind or an unknown unit, naming the field', () => {
    const bad = { ...defaultMonitoringRules, kinds: [...defaultMonitoringRules.kinds, defaultMonitoringRules.kinds[0]] };
    expect(() => parseOffice({ ...defaultOfficeInput, monitoringRules: bad })).toThrow(/monitoringRules.kinds.5.id: kind "overdracht-wijkteam" appears twice/);
    const unit = { ...defaultMonitoringRules, kinds: [{ ...defaultMonitoringRules.kinds[0]!, stages: [{ id: 'x', text: 'x', offset: { amount: 1, unit: 'fortnights', direction: 'after' } }] }] };
    expect(() => parseOffice({ ...defaultOfficeInput, monitoringRules: unit })).toThrow(/monitoringRules.kinds.0.stages.0.offset.unit/);
  });
});

describe('monitoring item rules (services/monitoring/rules.ts)', () => {
  const stage = (seq: number, status: string) => ({ stage: `s${seq}`, seq, status });

  it('asks for action on the latest announced stage, else the next pending one', () => {
    expect(currentStage([stage(0, 'announced'), stage(1, 'announced'), stage(2, 'pending')])?.stage).toBe('s1');
    expect(currentStage([stage(0, 'skipped'), stage(1, 'pending'), stage(2, 'pending')])?.stage).toBe('s1');
    expect(currentStage([stage(0, 'cancelled'), stage(1, 'skipped')])).toBeUndefined();
  });

  it('keys a reminder per stage and round, a digest per team and day, and a once-per-year kind per case and school year', () => {
    expect(stageKey(7, 'controle', 0)).toBe('monitoring:7:controle');
    expect(stageKey(7, 'controle', 2)).toBe('monitoring:7:controle:r2');
    expect(digestKey('noord', '2026-11-24')).toBe('monitoring:digest:noord:2026-11-24');
    const kind = (id: string) => findKind(office.monitoringRules, id)!;
    expect(onceKey(kind('preventief-gesprek'), 'p-2027-0001', '2026-2027')).toBe('preventief-gesprek:P-2027-0001:2026-2027');
    expect(onceKey(kind('no-show'), 'C-2027-0001', '2026-2027')).toBeNull();
    expect(() => kindOrThrow(office.monitoringRules, 'onbekend')).toThrow('Onbekende soort monitoring "onbekend"');
  });

  it('lists per item only its latest due stage as today or overdue (a late announcement is overdue), and later stages apart', () => {
    const row = (item_id: number, seq: number, due_on: string, late = false) => ({ item_id, seq, due_on, late });
    const split = splitForDigest([
      row(1, 0, '2026-11-20'), row(1, 1, '2026-11-24'), // item 1: its stage of today replaces the earlier one
      row(2, 0, '2026-11-23'),
      row(3, 0, '2026-11-24', true),
      row(4, 0, '2026-11-24'), row(4, 1, '2026-11-26'),
    ], '2026-11-24');
    expect(split.dueToday.map((r) => [r.item_id, r.seq])).toEqual([[1, 1], [4, 0]]);
    expect(split.overdue.map((r) => [r.item_id, r.seq])).toEqual([[2, 0], [3, 0]]);
    expect(split.upcoming.map((r) => [r.item_id, r.seq])).toEqual([[4, 1]]);
  });
});
