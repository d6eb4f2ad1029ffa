import { withRecordedAbsence } from '../../absence/workload';
import { findRegioteam, type Office, type Regioteam } from '../../../config/office';
import { authorize, resolveActor, type RoleSettings } from '../../authz';
import { officeZone, type ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { validationError } from '../../errors';
import { teamDeadlinesForWeek } from '../../monitoring/summary';
import type { TeamWorkload } from '../posts';
import { weekStart, workloadLine } from '../rules';
import { acceptedHelp, teamMembersWithoutFigures, waitingRequests, workloadSummary } from '../store/workload';

/**
 * The team's colleagues who keep a caseload but never entered figures: everyone of the regioteam
 * except its teamleiders, the MT and beleid, who have no caseload of their own.
 */
async function withoutFigures(q: Queryable, roles: RoleSettings, regioteam: string): Promise<string[]> {
  const people = await teamMembersWithoutFigures(q, regioteam);
  return people
    .filter((p) => {
      const actor = resolveActor(p, roles);
      return !actor.isMt && !actor.isBeleid && actor.teamleiderOf.length === 0;
    })
    .map((p) => p.name);
}

/** A regioteam's workload at `at`: figures against the norm, who has none yet, waiting requests, last week's help, deadlines. */
export async function loadTeamWorkload(
  q: Queryable,
  office: Office,
  roles: RoleSettings,
  team: Regioteam,
  at: Date,
  zone: string,
  mode: TeamWorkload['mode'],
): Promise<TeamWorkload> {
  const start = weekStart(at, zone);
  return {
    mode,
    teamName: team.name,
    norm: team.caseloadNorm,
    at: at.toISOString(),
    zone,
    people: (await withRecordedAbsence(q, office, zone, at, await workloadSummary(q, office, { regioteam: team.id }))).map(workloadLine),
    missing: await withoutFigures(q, roles, team.id),
    waiting: await waitingRequests(q, team.id),
    helped: await acceptedHelp(q, team.id, start.minus({ weeks: 1 }).toJSDate(), start.toJSDate()),
    deadlines: await teamDeadlinesForWeek(q, team.id, start.toISODate()!),
  };
}

/**
 * `werkdruk team [regioteam]`: the named team, else the team the actor leads or works in.
 * Teamleiders of that team and the MT only.
 */
export async function teamWorkloadNow(ctx: ActingContext, teamText: string): Promise<TeamWorkload> {
  const office = ctx.config.office;
  const teams = office.regioteams;
  const team = teamText.trim()
    ? findRegioteam(office, teamText)
    : teams.find((t) => t.id === (ctx.actor.teamleiderOf[0] ?? ctx.actor.regioteam));
  if (!team) {
    throw validationError(`Welk regioteam? Typ bijvoorbeeld "werkdruk team ${teams[0]!.id}". Kies uit ${teams.map((t) => `**${t.id}**`).join(' of ')}.`);
  }
  authorize(ctx.actor, 'caseload.teamView', { regioteam: team.id });
  return loadTeamWorkload(ctx.db, office, ctx.roles, team, ctx.clock.now(), officeZone(ctx), 'now');
}
