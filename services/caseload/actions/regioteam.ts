import type { Regioteam } from '../../../config/office';
import type { ActingContext } from '../../context';
import { validationError } from '../../errors';

/** The regioteam the actor works in, or the one they chose on the card (to be stored for next time). */
export function resolveTeam(ctx: ActingContext, chosen: string | undefined): { team: Regioteam; isNew: boolean } {
  const teams = ctx.config.office.regioteams;
  const known = ctx.actor.regioteam ? teams.find((t) => t.id === ctx.actor.regioteam) : undefined;
  if (known) return { team: known, isNew: false };
  const picked = chosen ? teams.find((t) => t.id === chosen) : undefined;
  if (!picked) throw validationError('Kies op de kaart in welk regioteam je werkt.');
  return { team: picked, isNew: true };
}

/** The actor's regioteam, when it is one the office knows. */
export const ownTeam = (ctx: ActingContext): Regioteam | undefined =>
  ctx.actor.regioteam ? ctx.config.office.regioteams.find((t) => t.id === ctx.actor.regioteam) : undefined;

/** The teams to choose from on a card, when the actor's own team is unknown. */
export const teamChoices = (ctx: ActingContext): Array<{ id: string; name: string }> | undefined =>
  ownTeam(ctx) ? undefined : ctx.config.office.regioteams.map((t) => ({ id: t.id, name: t.name }));

export const noChannel = (team: Regioteam) =>
  validationError(`${team.name} heeft nog geen gekoppeld teamkanaal, dus je hulpvraag kan nergens geplaatst worden. Vraag je teamleider om in het kanaal van het team "@Wendbaar koppel ${team.id}" te typen. Er is niets verstuurd.`);
