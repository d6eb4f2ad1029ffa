import type { Office } from '../../../config/office';
import type { Actor } from '../../authz';
import type { ActorView } from '../types';

export const regioteamName = (office: Pick<Office, 'regioteams'>, id: string): string => office.regioteams.find((t) => t.id === id)?.name ?? id;

export function roleLabel(actor: Actor, office?: Pick<Office, 'regioteams'>): string {
  if (actor.isMt) return 'MT';
  const name = (id: string) => (office ? regioteamName(office, id) : id);
  if (actor.teamleiderOf.length) return `Teamleider ${actor.teamleiderOf.map(name).join(', ')}`;
  if (actor.isBeleid) return 'Beleidsmedewerker';
  return 'Medewerker';
}

/** Who is looking, as the page header shows it. */
export function actorView(actor: Actor, office: Pick<Office, 'regioteams'>): ActorView {
  return { name: actor.name, roleLabel: roleLabel(actor, office), regioteam: actor.regioteam && regioteamName(office, actor.regioteam) };
}
