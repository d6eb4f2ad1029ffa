import type { Office } from '../../../config/office';
import { EXECUTION_STATUS_LABEL } from '../../../config/rings';
import type { RingState } from '../../status/current';
import type { UpcomingChange } from '../../status/upcoming';
import type { StatusView } from '../types';

/** Every ring with its tasks' execution status (normal when no change touches a task). */
export function statusView(state: RingState, office: Office, upcoming: UpcomingChange[] = []): StatusView {
  return {
    upcoming: upcoming.map((u) => ({
      title: u.title,
      startDate: u.startDate,
      endDate: u.endDate,
      changes: u.changes.map((d) => ({ task: d.taskName, before: EXECUTION_STATUS_LABEL[d.before], after: EXECUTION_STATUS_LABEL[d.after] })),
    })),
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
