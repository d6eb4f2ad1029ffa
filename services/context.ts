import type { Config } from '../config';
import type { Actor, RoleSettings } from './authz';
import type { Clock } from './clock';
import type { Database } from './db';
import type { Logger } from './logger';

/** Where a turn happens, from the activity and what we stored about that conversation. */
export interface TurnConversation {
  id: string;
  kind: 'channel' | 'personal' | 'groupChat';
  teamId?: string;
  teamName?: string;
  channelId?: string;
  /** The regioteam this channel is linked to, if any. */
  regioteam?: string;
  tenantId?: string;
}

/**
 * The one context for everything a verb, a command or a scheduled job does: plain services, no
 * botbuilder types. A turn adds who acts (always from the activity, never from card data) and
 * where; a job adds its scheduled fire time. "Now" is `clock.now()`; the office time zone is
 * `config.env.WENDBAAR_TIME_ZONE`.
 */
export interface Context {
  db: Database;
  clock: Clock;
  config: Config;
  roles: RoleSettings;
  /** A child logger that carries the correlation id (and activity or job) on every line. */
  log: Logger;
  correlationId: string;
  /** Turns: the person acting. Absent for jobs. */
  actor?: Actor;
  /** Turns: the conversation the activity came from. */
  conversation?: TurnConversation;
  /** Turns: the activity's id. */
  activityId?: string;
  /** Card actions: the id of the message that holds the card. */
  replyToId?: string;
  /** Jobs: the scheduled fire time (not "now"): catch-up and idempotency keys derive from it. */
  fireTime?: Date;
}

/** A context in which somebody acts: every verb and command. */
export type ActingContext = Context & { actor: Actor };

/** A user's turn: who acts and where. */
export type TurnScope = ActingContext & { conversation: TurnConversation };

/** A scheduled job's run. */
export type JobContext = Context & { fireTime: Date };

/** The office's time zone (IANA name), from configuration. */
export const officeZone = (ctx: Pick<Context, 'config'>): string => ctx.config.env.WENDBAAR_TIME_ZONE;
