import { menuCard } from '../../cards/menu';
import { notUnderstoodCard } from '../../cards/not-understood';
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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The commands a sentence names as a word ("kan ik hier een MDO plannen?" names mdo), the
 * longest name first so "werkdruk team" wins over "werkdruk"; the menu's own names are left out.
 */
export function commandsNamedIn(text: string, actor: Actor, commands: CommandDef[]): CommandDef[] {
  const clean = text.toLowerCase();
  const named = commands
    .filter((c) => !c.names.includes('menu') && (c.visibleTo?.(actor) ?? true))
    .map((c) => ({ c, hit: c.names.filter((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(n.toLowerCase())}($|[^\\p{L}\\p{N}])`, 'u').test(clean)).sort((a, b) => b.length - a.length)[0] }))
    .filter((x): x is { c: CommandDef; hit: string } => !!x.hit)
    .sort((a, b) => b.hit.length - a.hit.length);
  // "werkdruk team" also contains "werkdruk": keep only names not inside a longer one found.
  return named.filter((x, i) => !named.slice(0, i).some((y) => y.hit.includes(x.hit))).map((x) => x.c).slice(0, 3);
}

/** Text that is no command: say so first (with the commands it names), then the menu. */
export function notUnderstoodReplies(actor: Actor, commands: CommandDef[], text: string): Reply[] {
  const suggestions = commandsNamedIn(text, actor, commands).map((c) => ({ command: c.names[0]!, title: c.title }));
  return [{ card: notUnderstoodCard({ suggestions }), summary: 'Dat begreep ik niet' }, menuReply(actor, commands)];
}
