import type { Office } from '../../../config/office';
import { can, type Actor } from '../../authz';
import type { WorkloadRow } from '../../caseload/types';
import type { WorkloadTeamView } from '../types';

/** Whether the actor may see per-person workload figures of `regioteam`. */
export function seesPersonsOf(actor: Actor, regioteam: string, office: Pick<Office, 'showOtherTeamsWorkload'>): boolean {
  return actor.regioteam === regioteam || office.showOtherTeamsWorkload || can(actor, 'caseload.otherTeamFigures', { regioteam });
}

/** Totals per regioteam; per-person figures only for the teams the actor may see. */
export function workloadView(rows: WorkloadRow[], actor: Actor, office: Pick<Office, 'regioteams' | 'showOtherTeamsWorkload'>): WorkloadTeamView[] {
  return office.regioteams.map((team) => {
    const mine = rows.filter((r) => r.regioteam === team.id);
    const totalOpen = mine.reduce((sum, r) => sum + r.openCases, 0);
    const view: WorkloadTeamView = {
      regioteam: team.id,
      name: team.name,
      norm: team.caseloadNorm,
      people: mine.length,
      totalOpen,
      averageOpen: mine.length ? Math.round(totalOpen / mine.length) : 0,
      aboveNorm: mine.filter((r) => r.openCases > r.norm).length,
    };
    if (seesPersonsOf(actor, team.id, office)) view.persons = mine.map((r) => ({ name: r.name, openCases: r.openCases, isBuffer: r.isBuffer }));
    return view;
  });
}
