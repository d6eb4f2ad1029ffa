import type { ManualClock } from '../../services/clock';
import { teams, type TeamChannel } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { act } from '../status/helpers';

/** The capacity tests' quarter: weekly werkdruk figures from the four consulenten of startOffice. */

/** Monday of week `n` of the quarter (2027-01-04 is a Monday), at 10:00 when the weekly job fires. */
export const monday = (n: number) => new Date(Date.parse('2027-01-04T10:00:00+01:00') + n * 7 * 86_400_000);

export const consulenten: Array<[TestUser, TeamChannel]> = [[users.consulent, teams.noord], [users.consulent2, teams.noord], [users.consulent3, teams.zuid], [users.consulent4, teams.zuid]];

/** Week n: every consulent enters their figures on the werkdruk card (days absent in the coming two weeks too), then the weekly job runs. */
export async function weekOfFigures(h: Harness, n: number, openCases: number, absentDays = 0): Promise<void> {
  (h.clock as ManualClock).set(new Date(monday(n).getTime() - 3_600_000));
  for (const [user, team] of consulenten) {
    await act(h, 'caseload.figures', { openCases: String(openCases), complexCases: '3', newThisWeek: '2', absentDays: String(absentDays), isBuffer: 'false' }, { from: user, where: team });
  }
  (h.clock as ManualClock).set(monday(n));
  await h.app.scheduler.fire('capacity.weekly', monday(n));
  await h.app.sender.settle();
}
