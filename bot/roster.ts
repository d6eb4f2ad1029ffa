import type { TurnContext } from 'botbuilder';
import type { Database } from '../services/db';
import type { Logger } from '../services/logger';
import { upsertTeamMembers, type TeamMember } from '../services/people/store';
import { readTeamMembersPage } from './connector';

/** The most members Teams returns per page. */
export const ROSTER_PAGE_SIZE = 500;
/** The install turn answers Teams after the roster is read; a very slow connector must not hold it. */
const ROSTER_BUDGET_MS = 20_000;

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * The people among accounts Teams sent (roster pages, membersAdded): users only ("29:" ids with an
 * Entra object id), never the bot or other bots ("28:"). The fields are checked, not trusted.
 */
export function teamMembersOf(accounts: unknown): TeamMember[] {
  if (!Array.isArray(accounts)) return [];
  return accounts.flatMap((account: unknown) => {
    if (typeof account !== 'object' || account === null) return [];
    const a = account as Record<string, unknown>;
    const teamsUserId = text(a.id);
    const aadObjectId = text(a.aadObjectId);
    if (!teamsUserId?.startsWith('29:') || !aadObjectId) return [];
    return [{ aadObjectId, teamsUserId, name: text(a.name), upn: text(a.userPrincipalName) }];
  });
}

const statusOf = (error: unknown) => (error as { statusCode?: unknown })?.statusCode ?? (error as { status?: unknown })?.status;

/**
 * Reads the whole roster of a team the bot was just installed in and remembers every member, so
 * personal notifications reach people who never opened Wendbaar. Page by page, each page in one
 * statement. A roster that cannot be read (Teams refuses, is away, is too slow) does not fail the
 * install: it logs a warning and keeps what was read; members are then remembered when they join
 * or talk to the bot.
 */
export async function syncTeamRoster(context: TurnContext, db: Database, log: Logger, teamId: string): Promise<void> {
  const deadline = Date.now() + ROSTER_BUDGET_MS;
  let pages = 0;
  let members = 0;
  let changed = 0;
  let continuationToken: string | undefined;
  try {
    do {
      const page = await beforeDeadline(readTeamMembersPage(context, teamId, ROSTER_PAGE_SIZE, continuationToken), deadline);
      pages += 1;
      const found = teamMembersOf(page.members);
      members += found.length;
      changed += await upsertTeamMembers(db, found);
      continuationToken = text(page.continuationToken);
    } while (continuationToken);
    log.info({ teamId, pages, members, changed }, 'team roster read');
  } catch (error) {
    log.warn({ teamId, status: statusOf(error), errorName: (error as Error)?.name, pages, members, changed }, 'team roster could not be read; members are remembered when they join or talk to the bot');
  }
}

/** Members who joined a team the bot is in (conversationUpdate membersAdded); names are often missing there. */
export async function rememberJoinedMembers(context: TurnContext, db: Database, log: Logger): Promise<void> {
  const joined = teamMembersOf(context.activity.membersAdded);
  if (joined.length === 0) return;
  const changed = await upsertTeamMembers(db, joined);
  log.info({ joined: joined.length, changed }, 'team members joined');
}

class RosterTimeout extends Error {
  override name = 'RosterTimeout';
}

async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let handle: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    handle = setTimeout(() => reject(new RosterTimeout('roster read took too long')), Math.max(0, deadline - Date.now()));
  });
  // The late answer of a call that lost the race is dropped, and so is its error.
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(handle);
  }
}
