import type { Office } from '../../config/office';
import { caseloadTotalsPerTeam, helpCountsPerTeam } from '../caseload/store/capacity';
import type { Queryable } from '../db';
import { overdueStagesPerTeam } from '../monitoring/store/capacity';
import type { TeamWeek } from './types';

/** Working days in the two weeks the werkdruk figures' absence covers. */
const DAYS_PER_CONSULENT = 10;
const WEEK_MS = 7 * 86_400_000;

/**
 * Every configured regioteam's picture now, from the features' own figures: werkdruk (people,
 * open and new cases, absences), help requests of the last seven days, overdue monitoring stages.
 */
export async function teamWeeks(q: Queryable, office: Pick<Office, 'regioteams'>, weekStart: string, today: string, at: Date): Promise<TeamWeek[]> {
  const [caseload, help, overdue] = await Promise.all([
    caseloadTotalsPerTeam(q),
    helpCountsPerTeam(q, { from: new Date(at.getTime() - WEEK_MS), to: at }),
    overdueStagesPerTeam(q, today),
  ]);
  return office.regioteams.map((team) => {
    const figures = caseload.find((c) => c.regioteam === team.id);
    const requests = help.find((h) => h.regioteam === team.id);
    const consulenten = figures?.consulenten ?? 0;
    const possibleDays = consulenten * DAYS_PER_CONSULENT;
    return {
      regioteam: team.id,
      weekStart,
      consulenten,
      possibleDays,
      availableDays: Math.max(0, possibleDays - (figures?.absentDays ?? 0)),
      openCases: figures?.openCases ?? 0,
      normCases: consulenten * team.caseloadNorm,
      newCases: figures?.newCases ?? 0,
      helpAsked: requests?.asked ?? 0,
      helpUnanswered: requests?.unanswered ?? 0,
      helpEscalated: requests?.escalated ?? 0,
      monitoringOverdue: overdue.get(team.id) ?? 0,
    };
  });
}
