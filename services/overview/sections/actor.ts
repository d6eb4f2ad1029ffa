import type { Office } from '../../../config/office';
import type { Actor } from '../../authz';
import type { ActorView } from '../types';

export const regioteamName = (office: Pick<Office, 'regioteams'>, id: string): string => office.regioteams.find((t) => t.id === id)?.name ?? id;

/** The actor's role in the office's own words ("Leerplichtconsulent", "Teamleider Regioteam Noord"). */
export function roleLabel(actor: Actor, office: Pick<Office, 'regioteams' | 'roleNames'>): string {
  const names = office.roleNames;
  if (actor.isMt) return names.mt;
  if (actor.teamleiderOf.length) return `${names.teamleider} ${actor.teamleiderOf.map((id) => regioteamName(office, id)).join(', ')}`;
  if (actor.isBeleid) return names.beleid;
  return names.medewerker;
}

/** Who is looking, as the page header shows it; a teamleider's team is already in the role. */
export function actorView(actor: Actor, office: Pick<Office, 'regioteams' | 'roleNames'>): ActorView {
  const team = actor.regioteam && !actor.teamleiderOf.includes(actor.regioteam) ? regioteamName(office, actor.regioteam) : undefined;
  return { name: actor.name, roleLabel: roleLabel(actor, office), regioteam: team };
}
