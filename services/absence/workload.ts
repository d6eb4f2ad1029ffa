import type { Office } from '../../config/office';
import { isoDay, isWorkingDay, localDay } from '../../lib/dates';
import type { WorkloadRow } from '../caseload/types';
import type { Queryable } from '../db';
import { absentDaysWithin, covers } from './rules';
import { absencesAhead } from './store';

/** The horizon the workload figures count absence days over ("days absent in the coming two weeks"). */
const HORIZON_DAYS = 14;

/**
 * Recorded absences in the workload figures: a row's days absent become at least the working days
 * of the coming two weeks the person is recorded away, and someone away today is unavailable.
 */
export async function withRecordedAbsence(q: Queryable, office: Pick<Office, 'publicHolidays'>, zone: string, at: Date, rows: WorkloadRow[]): Promise<WorkloadRow[]> {
  const start = localDay(at, zone);
  const today = isoDay(start);
  const absences = await absencesAhead(q, rows.map((r) => r.aadObjectId), today, at);
  if (absences.length === 0) return rows;
  const days = Array.from({ length: HORIZON_DAYS }, (_, i) => start.plus({ days: i })).filter((d) => isWorkingDay(d, office)).map(isoDay);
  return rows.map((r) => {
    const own = absences.filter((a) => a.personAad === r.aadObjectId);
    if (own.length === 0) return r;
    return { ...r, absentDays: Math.max(r.absentDays, absentDaysWithin(own, days, at)), absentToday: own.some((a) => covers(a, today, at)) };
  });
}
