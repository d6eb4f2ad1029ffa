import { infoCard } from '../../cards/notice';
import type { CommandDef } from '../feature';

/** A command whose feature is still being built says so plainly instead of staying silent. */
export function notBuiltYet(def: Omit<CommandDef, 'run'>): CommandDef {
  return {
    ...def,
    run: async () => ({
      card: infoCard(def.title, `Dit onderdeel van Wendbaar is nog in aanbouw. Binnenkort kun je hier: ${def.description.toLowerCase()}`),
    }),
  };
}
