import { isoDay, localDay } from '../../lib/dates';
import { officeZone, type ActingContext } from '../context';
import { TASK_GROUPS } from './groups';
import { GROUP_ROWS, OVERVIEW_ROWS, shapeGroup } from './rules';
import type { TaskGroup, TaskGroupKey, TaskList } from './types';

/**
 * Everything that waits for the actor, grouped: read from each feature's store with the actor's
 * own identity and regioteam, so nobody sees another team's or another person's items. With
 * `only`, that one group with more rows.
 */
export async function myTasks(ctx: ActingContext, only?: TaskGroupKey): Promise<TaskList> {
  const today = isoDay(localDay(ctx.clock.now(), officeZone(ctx)));
  const sources = TASK_GROUPS.filter((g) => !only || g.key === only);
  const groups: TaskGroup[] = [];
  for (const source of sources) {
    const group = shapeGroup(source.key, await source.load(ctx, today), only ? GROUP_ROWS : OVERVIEW_ROWS, source.keepOrder);
    if (group) groups.push(source.info ? { ...group, info: true } : group);
  }
  return { groups, only, today };
}
