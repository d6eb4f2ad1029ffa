import type { Office } from '../../../config/office';
import type { Actor } from '../../authz';
import type { HelpRequestSummary } from '../../caseload/types';
import { HELP_KINDS, STATUS_LABELS, URGENCIES } from '../../../config/caseload-labels';
import type { HelpRequestsView } from '../types';
import { regioteamName } from './actor';
import { seesPersonsOf } from './workload';

/** Open requests in detail for the teams the actor may see per person; counts for every team. */
export function helpRequestsView(summary: HelpRequestSummary, actor: Actor, office: Pick<Office, 'regioteams' | 'showOtherTeamsWorkload'>): HelpRequestsView {
  return {
    open: summary.open
      .filter((r) => seesPersonsOf(actor, r.regioteam, office))
      .map((r) => ({
        id: r.id,
        regioteam: regioteamName(office, r.regioteam),
        kind: HELP_KINDS[r.kind] ?? r.kind,
        urgency: URGENCIES[r.urgency] ?? r.urgency,
        status: STATUS_LABELS[r.status] ?? r.status,
        createdAt: r.createdAt.toISOString(),
      })),
    openPerTeam: office.regioteams.map((t) => ({ regioteam: t.id, name: t.name, count: summary.open.filter((r) => r.regioteam === t.id).length })),
  };
}
