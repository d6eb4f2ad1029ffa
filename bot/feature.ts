/** The shape every feature declares: its commands, its card verbs (schema + handler) and its jobs. */
import type { z } from 'zod';
import type { AdaptiveCard } from '../cards/render';
import type { Actor } from '../services/authz';
import type { TurnScope } from '../services/context';
import type { UserFacingError } from '../services/errors';
import type { FieldPurpose } from '../services/privacy';
import type { ScheduledJob } from '../services/scheduler/types';
import type { FormProblem } from '../services/validation';

export type { TurnScope };

export type Reply = { card: AdaptiveCard; summary?: string } | { text: string };

export interface CommandDef {
  /** Dutch name first, then aliases (English, multi-word forms). Matched case-insensitively. */
  names: string[];
  title: string;
  description: string;
  button: string;
  /** Whether the menu shows this command to the actor (authorisation is still checked on use). */
  visibleTo?: (actor: Actor) => boolean;
  /** Hidden commands answer when typed but are not listed in the menu. */
  hidden?: boolean;
  run(scope: TurnScope, args: string): Promise<Reply | Reply[]>;
}

/**
 * The free-text fields of a card action that are posted or stored, each with what the writer
 * should write instead (FieldPurpose), screened for personal data before the handler runs. A
 * field may be screened only when the data uses it (`when`). Without `refused` a refusal is a
 * message under the card, which keeps everything typed; with it the action shows its own card.
 */
export interface ScreenSpec<T> {
  fields: Partial<Record<keyof T & string, FieldPurpose | { purpose: FieldPurpose; when: (data: T) => boolean }>>;
  refused?: (scope: TurnScope, data: T, refusal: UserFacingError) => Promise<Reply>;
}

/** What a form sent, as it arrived (card inputs are strings). */
export type FormValues = Record<string, unknown>;

/**
 * A card action that submits a form. Every problem is reported in one answer: the schema's, the
 * checks across fields, the personal-data screen's and what the service refuses. The form comes
 * back with every value sent, the problems listed above the inputs and sections with input open.
 */
export interface FormSpec {
  /** Checks across fields, on the values as sent, so they are reported together with the schema's. */
  check?: (scope: TurnScope, values: FormValues) => FormProblem[];
  reshow(scope: TurnScope, values: FormValues, problems: FormProblem[]): Promise<Reply>;
}

/** A card action: the verb's data schema and its handler. The result replaces the card in place. */
export interface ActionDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Labels of the data fields, for Dutch validation messages and refusals. */
  labels?: Record<string, string>;
  /** Free-text fields screened for personal data (every free-text field that is posted or stored). */
  screen?: ScreenSpec<z.infer<S>>;
  /** Set for a form: problems re-show it instead of answering with a message. */
  form?: FormSpec;
  handle(scope: TurnScope, data: z.infer<S>): Promise<Reply>;
}

export type ActionTable = Record<string, ActionDef>;

/** Declares an action with its data type inferred from the schema. */
export function action<S extends z.ZodType>(
  schema: S,
  handle: (scope: TurnScope, data: z.infer<S>) => Promise<Reply>,
  labels?: Record<string, string>,
  screen?: ScreenSpec<z.infer<S>>,
): ActionDef<S> {
  return { schema, handle, labels, screen };
}

/** Declares a form action (see FormSpec): problems come back on the form itself. */
export function formAction<S extends z.ZodType>(
  def: { schema: S; labels: Record<string, string>; screen?: ScreenSpec<z.infer<S>> } & FormSpec,
  handle: (scope: TurnScope, data: z.infer<S>) => Promise<Reply>,
): ActionDef<S> {
  const { schema, labels, screen, check, reshow } = def;
  return { schema, handle, labels, screen, form: { check, reshow } };
}

/**
 * A view a card action comes back to instead of its verb's own reply, named by `returnTo` in the
 * action's data: the same verb works from a list (the `taken` card) and the list is shown again.
 * `gone`: the item was handled elsewhere meanwhile (a conflict or a vanished item), so the list
 * shows the current state with why nothing changed.
 */
export type ReturnView = (
  scope: TurnScope,
  outcome: { done: Reply } | { gone: UserFacingError },
  action: { verb: string; data: Record<string, unknown> },
) => Promise<Reply>;

export interface Feature {
  name: string;
  commands: CommandDef[];
  actions: ActionTable;
  /** Views other features' verbs may return to, by the `returnTo` name in the action data. */
  returnViews?: Record<string, ReturnView>;
  /** Cron jobs; each fire runs on exactly one replica (bot/scheduler.ts). */
  jobs?: ScheduledJob[];
}
