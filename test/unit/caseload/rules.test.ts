import { defaultOfficeInput, parseOffice } from '../../../config/office';
import {
  DEFAULT_ESCALATION, escalationDueAt, escalationPolicy, isActive, isUnanswered, isoWeekKey, weekStart, workloadLine,
} from '../../../services/caseload/rules';
import type { RequestStatus, WorkloadRow } from '../../../services/caseload/types';

const office = parseOffice(defaultOfficeInput);
const zone = 'Europe/Amsterdam';
const row = (extra: Partial<WorkloadRow>): WorkloadRow => ({
  aadObjectId: 'aad-1', name: 'Sanne Bakker', regioteam: 'noord', openCases: 40, complexCases: 4, newThisWeek: 1, absentDays: 0, norm: 60, isBuffer: false, ...extra,
});

describe('caseload rules', () => {
  it('escalates "vandaag" after the urgent hours, everything else after working days (skipping weekends and holidays)', () => {
    const tuesday = new Date('2026-11-24T09:00:00+01:00');
    expect(escalationDueAt({ createdAt: tuesday, urgency: 'vandaag' }, office, zone)).toEqual(new Date('2026-11-24T11:00:00+01:00'));
    expect(escalationDueAt({ createdAt: tuesday, urgency: 'week' }, office, zone)).toEqual(new Date('2026-11-25T09:00:00+01:00'));
    const friday = new Date('2026-11-27T16:00:00+01:00');
    expect(escalationDueAt({ createdAt: friday, urgency: 'later' }, office, zone)).toEqual(new Date('2026-11-30T16:00:00+01:00'));
    const christmasEve = new Date('2026-12-24T10:00:00+01:00');
    expect(escalationDueAt({ createdAt: christmasEve, urgency: 'week' }, office, zone)).toEqual(new Date('2026-12-28T10:00:00+01:00'));
    expect(escalationDueAt({ createdAt: tuesday, urgency: 'week' }, office, zone, { workingDays: 3, urgentHours: 1 })).toEqual(new Date('2026-11-27T09:00:00+01:00'));
  });

  it('reads the escalation policy from the environment', () => {
    expect(escalationPolicy({ WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS: 2, WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS: 4 })).toEqual({ workingDays: 2, urgentHours: 4 });
    expect(DEFAULT_ESCALATION).toEqual({ workingDays: 1, urgentHours: 2 });
  });

  it('knows which requests can still change and which still wait for help', () => {
    const all: RequestStatus[] = ['open', 'aangeboden', 'toegewezen', 'afgerond', 'ingetrokken'];
    expect(all.filter(isActive)).toEqual(['open', 'aangeboden', 'toegewezen']);
    expect(all.filter(isUnanswered)).toEqual(['open', 'aangeboden']);
  });

  it('shows room to help below 85 % of the norm with fewer than 3 days absent, never above the norm', () => {
    expect(workloadLine(row({ openCases: 61 }))).toMatchObject({ aboveNorm: true, hasRoom: false });
    expect(workloadLine(row({ openCases: 60 }))).toMatchObject({ aboveNorm: false, hasRoom: false });
    expect(workloadLine(row({ openCases: 50 }))).toMatchObject({ aboveNorm: false, hasRoom: true });
    expect(workloadLine(row({ openCases: 51 }))).toMatchObject({ aboveNorm: false, hasRoom: false });
    expect(workloadLine(row({ openCases: 30, absentDays: 2 }))).toMatchObject({ hasRoom: true });
    expect(workloadLine(row({ openCases: 30, absentDays: 3 }))).toMatchObject({ hasRoom: false });
    // An absurdly low norm: above it there is no room, whatever the share says.
    expect(workloadLine(row({ openCases: 2, norm: 1 }))).toMatchObject({ aboveNorm: true, hasRoom: false });
    expect(workloadLine(row({ openCases: 61, name: 'Daan Jansen', isBuffer: true }))).toEqual({
      name: 'Daan Jansen', openCases: 61, complexCases: 4, absentDays: 0, norm: 60, isBuffer: true, aboveNorm: true, hasRoom: false,
    });
  });

  it('numbers weeks by ISO week year in the office time zone', () => {
    expect(isoWeekKey(new Date('2026-11-30T08:30:00+01:00'), zone)).toBe('2026-W49');
    expect(isoWeekKey(new Date('2027-01-01T12:00:00+01:00'), zone)).toBe('2026-W53');
    // The week turns at midnight in Amsterdam: 00:30 on Monday there is still Sunday in UTC.
    expect(isoWeekKey(new Date('2027-01-03T23:30:00+01:00'), zone)).toBe('2026-W53');
    expect(isoWeekKey(new Date('2027-01-04T00:30:00+01:00'), zone)).toBe('2027-W01');
    expect(weekStart(new Date('2026-12-02T08:30:00+01:00'), zone).toISO()).toBe('2026-11-30T00:00:00.000+01:00');
  });
});
