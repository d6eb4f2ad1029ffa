import { menuCard } from '../../cards/menu';
import type { Actor } from '../../services/authz';
import type { CommandDef, Reply } from '../feature';

/** The menu lists exactly what the actor may start; built from the command table itself. */
export function menuReply(actor: Actor, commands: CommandDef[]): Reply {
  const items = commands
    .filter((c) => !c.hidden && (c.visibleTo?.(actor) ?? true))
    .map((c) => ({ command: c.names[0]!, title: c.title, description: c.description, button: c.button }));
  const intro = actor.isMt
    ? 'Kies wat je wilt doen. Als MT-lid kun je ook statusaanpassingen voorbereiden.'
    : 'Kies wat je wilt doen, of typ een opdracht.';
  return { card: menuCard({ intro, items, example: 'mdo' }), summary: 'Wendbaar menu' };
}

export const menuCommand = (all: () => CommandDef[]): CommandDef => ({
  names: ['menu', 'help', 'hulp', '?'],
  title: 'Menu',
  description: 'Alles wat je met Wendbaar kunt doen.',
  button: 'Menu',
  hidden: true,
  run: async (scope) => menuReply(scope.actor, all()),
});
