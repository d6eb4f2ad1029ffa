import type { Regioteam } from '../../../config/office';
import { audit } from '../../audit/store';
import type { ActingContext } from '../../context';
import { problemsError } from '../../validation';
import { figuresProblems } from '../form-checks';
import { setRegioteam } from '../../people/store';
import { getFigures, saveFigures } from '../store/figures';
import type { CaseloadFigures } from '../types';
import { ownTeam, resolveTeam, teamChoices } from './regioteam';

export interface OwnFigures {
  figures?: CaseloadFigures & { updatedAt: Date };
  team?: Regioteam;
  /** The teams to choose from when the actor's regioteam is unknown. */
  regioteams?: Array<{ id: string; name: string }>;
}

/** The actor's own figures and the team they are measured against. */
export async function ownFigures(ctx: ActingContext): Promise<OwnFigures> {
  return { figures: await getFigures(ctx.db, ctx.actor.aadObjectId), team: ownTeam(ctx), regioteams: teamChoices(ctx) };
}

/** Saves the actor's own figures (and their regioteam when they chose it on the card); returns their team. */
export async function saveOwnFigures(ctx: ActingContext, input: CaseloadFigures & { regioteam?: string }): Promise<Regioteam> {
  const { team, isNew } = resolveTeam(ctx, input.regioteam);
  const problems = figuresProblems(input);
  if (problems.length > 0) throw problemsError(problems);
  await ctx.db.transaction(async (tx) => {
    if (isNew) await setRegioteam(tx, ctx.actor.aadObjectId, team.id);
    await saveFigures(tx, ctx.actor.aadObjectId, input, 'card', ctx.clock.now());
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'caseload.figures', subject: ctx.actor.aadObjectId, correlationId: ctx.correlationId });
  });
  // The rest of this turn (the card shown next) knows the team now.
  if (isNew) ctx.actor.regioteam = team.id;
  return team;
}
