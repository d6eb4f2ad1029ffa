import { officeZone, type Context } from '../../context';
import { loadInForce } from '../current';
import { overviewTabUrl } from '../../overview/link';
import { exportStatusChanges } from '../export';
import { changeFacts } from '../rules';
import { todayOf } from '../shared';
import { decidedChanges } from '../store';
import { upcomingChanges, type UpcomingChange } from '../upcoming';
import type { ChangeFacts, InForce } from '../types';

/** What everyone may look at: the state in force, the history of decisions and its export. */

export const inForce = (ctx: Context): Promise<InForce> => loadInForce(ctx.db, ctx.config.office, ctx.clock.now(), officeZone(ctx));

/** Decided changes that start after today. */
export const upcoming = (ctx: Context): Promise<UpcomingChange[]> => upcomingChanges(ctx.db, ctx.config.office, ctx.clock.now(), officeZone(ctx));

/** Every decision, oldest first, and which one is in force today. */
export async function history(ctx: Context): Promise<{ changes: ChangeFacts[]; inForceId?: number }> {
  const [changes, state] = await Promise.all([decidedChanges(ctx.db), inForce(ctx)]);
  return { changes: changes.map((c) => changeFacts(ctx.config.office.rings, c)), inForceId: state.change?.id };
}

/** What `status export` says in the chat: the decisions in short, and where the files are. */
export async function exportSummary(ctx: Context): Promise<{ changes: ChangeFacts[]; inForceId?: number; upcoming: UpcomingChange[]; tabUrl: string }> {
  const [decided, later] = await Promise.all([history(ctx), upcoming(ctx)]);
  return { ...decided, upcoming: later, tabUrl: overviewTabUrl(ctx.config.env) };
}

/** The CSV and the Markdown summary, downloaded from the Overzicht tab. */
export const exportChanges = (ctx: Context): Promise<{ csv: string; markdown: string }> =>
  exportStatusChanges(ctx.db, ctx.config.office, todayOf(ctx, ctx.clock.now()));
