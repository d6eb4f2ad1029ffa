import { z } from 'zod';
import { ErrorCode, UserFacingError } from '../services/errors';
import { parseUserInput } from '../services/validation';
import { menuCommand, menuReply, notUnderstoodReplies } from './commands/menu';
import { screenFields } from './privacy-screen';
import { runFormAction } from './form-action';
import { nameSources } from '../services/personal-data/sources';
import type { ActionTable, CommandDef, Feature, Reply, ReturnView, TurnScope } from './feature';
import { action } from './feature';

export interface Router {
  commands: CommandDef[];
  actions: ActionTable;
  /** Finds the command a message asks for; other text is told so, with the commands it names, and gets the menu. */
  runCommand(scope: TurnScope, text: string): Promise<Reply[]>;
  /** Routes a card action by verb; unknown verbs and bad data become Dutch errors. */
  runAction(scope: TurnScope, verb: string, data: unknown): Promise<Reply>;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Builds the command list and the verb table from the features. A verb or command name claimed
 * twice is a programming error and fails at start-up, not at the first click.
 */
export function createRouter(features: Feature[]): Router {
  const commands: CommandDef[] = [];
  const menu = menuCommand(() => commands);
  commands.push(...features.flatMap((f) => f.commands), menu);

  const names = new Map<string, string>();
  for (const command of commands) {
    for (const name of command.names.map(normalise)) {
      if (names.has(name)) throw new Error(`Command name "${name}" is registered twice (${names.get(name)} and ${command.title})`);
      names.set(name, command.title);
    }
  }
  // Longest names first, so "status geschiedenis" wins over "status".
  const byName = [...names.keys()].sort((a, b) => b.length - a.length);

  const coreActions = {
    'menu.open': action(z.object({ command: z.string().max(100) }), async (scope, data) => {
      const replies = await dispatch(scope, data.command);
      return replies[0] ?? menuReply(scope.actor, commands);
    }),
  } satisfies ActionTable;

  // The personal-data screen's name lists take a moment to load: start now, not at the first submit.
  nameSources().catch(() => undefined);

  const actions: ActionTable = { ...coreActions };
  for (const feature of features) {
    for (const [verb, def] of Object.entries(feature.actions)) {
      if (verb in actions) throw new Error(`Card verb "${verb}" is registered twice (feature ${feature.name})`);
      actions[verb] = def;
    }
  }

  const returnViews = new Map<string, ReturnView>();
  for (const feature of features) {
    for (const [name, view] of Object.entries(feature.returnViews ?? {})) {
      if (returnViews.has(name)) throw new Error(`Return view "${name}" is registered twice (feature ${feature.name})`);
      returnViews.set(name, view);
    }
  }
  const returnViewOf = (data: unknown) => {
    const name = (data as { returnTo?: unknown } | null)?.returnTo;
    return typeof name === 'string' ? returnViews.get(name) : undefined;
  };

  async function dispatch(scope: TurnScope, text: string): Promise<Reply[]> {
    const clean = normalise(text);
    const name = byName.find((n) => clean === n || clean.startsWith(`${n} `));
    const command = name ? commands.find((c) => c.names.some((n) => normalise(n) === name)) : undefined;
    if (!clean) return [menuReply(scope.actor, commands)];
    if (!command || !name) return notUnderstoodReplies(scope.actor, commands, clean);
    const result = await command.run(scope, text.trim().slice(name.length).trim());
    return Array.isArray(result) ? result : [result];
  }

  return {
    commands,
    actions,
    runCommand: dispatch,
    async runAction(scope, verb, data) {
      const def = Object.prototype.hasOwnProperty.call(actions, verb) ? actions[verb] : undefined;
      if (!def) {
        throw new UserFacingError(ErrorCode.UnknownAction, 'Deze knop wordt niet (meer) herkend. Typ "menu" om opnieuw te beginnen.', { verb });
      }
      if (def.form) return runFormAction(scope, { ...def, form: def.form }, data);
      const parsed = parseUserInput(def.schema, data ?? {}, def.labels);
      if (def.screen) {
        const refusal = await screenFields(scope, def.screen, parsed, def.labels);
        if (refusal) {
          if (def.screen.refused) return def.screen.refused(scope, parsed, refusal);
          throw refusal;
        }
      }
      const back = returnViewOf(data);
      if (!back) return def.handle(scope, parsed);
      let done: Reply;
      try {
        done = await def.handle(scope, parsed);
      } catch (error) {
        // Handled elsewhere meanwhile: the list answers with the current state. Refusals stay refusals.
        if (error instanceof UserFacingError && (error.code === ErrorCode.Conflict || error.code === ErrorCode.NotFound)) {
          return back(scope, { gone: error }, { verb, data: data as Record<string, unknown> });
        }
        throw error;
      }
      return back(scope, { done }, { verb, data: data as Record<string, unknown> });
    },
  };
}
