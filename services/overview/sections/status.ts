import type { Office } from '../../../config/office';
import { EXECUTION_STATUS_LABEL } from '../../../config/rings';
import type { RingState } from '../../status/current';
import type { StatusView } from '../types';

/** Every ring with its tasks' execution status (normal when no change touches a task). */
export function statusView(state: RingState, office: Office): StatusView {
  return {
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
