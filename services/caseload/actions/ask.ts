import type { Regioteam } from '../../../config/office';
import { audit } from '../../audit/store';
import type { ActingContext } from '../../context';
import { linkedChannels } from '../../conversations/store';
import { setRegioteam } from '../../people/store';
import { caseReferenceSchema } from '../../privacy';
import { problemsError } from '../../validation';
import { helpRequestProblems, splitCaseRefs } from '../form-checks';
import { insertHelpRequest } from '../store/requests';
import type { NewHelpRequest } from '../types';
import { noChannel, ownTeam, resolveTeam, teamChoices } from './regioteam';
import { queueRequestPost, requireRequest } from './request-card';

/** What the request form needs: the actor's team (which must have a channel), or the teams to choose from. */
export async function requestForm(ctx: ActingContext): Promise<{ team?: Regioteam; regioteams?: Array<{ id: string; name: string }> }> {
  const team = ownTeam(ctx);
  if (!team) return { regioteams: teamChoices(ctx) };
  if ((await linkedChannels(ctx.db, team.id)).length === 0) throw noChannel(team);
  return { team };
}

/** What the requester fills in: their team only when the card asked for it, case numbers as typed. */
export type HelpRequestInput = Omit<NewHelpRequest, 'requesterAad' | 'regioteam' | 'caseRefs'> & { regioteam?: string; caseRefs?: string };

/** Posts a help request in the regioteam's channel; returns its id and the team it went to. */
export async function askForHelp(ctx: ActingContext, input: HelpRequestInput): Promise<{ id: number; team: Regioteam }> {
  const { team, isNew } = resolveTeam(ctx, input.regioteam);
  const problems = helpRequestProblems(input);
  if (problems.length > 0) throw problemsError(problems);
  const caseRefs = splitCaseRefs(input.caseRefs).refs.map((ref) => caseReferenceSchema.parse(ref));
  const channel = (await linkedChannels(ctx.db, team.id))[0];
  if (!channel) throw noChannel(team);
  const at = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    if (isNew) await setRegioteam(tx, ctx.actor.aadObjectId, team.id);
    const id = await insertHelpRequest(tx, {
      requesterAad: ctx.actor.aadObjectId, regioteam: team.id, kind: input.kind, caseCount: input.caseCount, reason: input.reason,
      urgency: input.urgency, periodFrom: input.periodFrom, periodTo: input.periodTo, description: input.description, caseRefs,
    }, at);
    await queueRequestPost(tx, ctx, await requireRequest(tx, id), channel.id);
    await audit(tx, {
      actor: ctx.actor.aadObjectId, action: 'caseload.request', subject: `helprequest:${id}`,
      details: { regioteam: team.id, kind: input.kind, caseCount: input.caseCount, urgency: input.urgency }, correlationId: ctx.correlationId,
    });
    return id;
  });
  ctx.log.info({ requestId: id, regioteam: team.id }, 'help request posted');
  return { id, team };
}
