import type { JobContext } from '../context';
import { queueReturns } from './returns';

/** Daily: the return card for everyone whose absence ended by date (those who typed "terug" got it then). */
export async function runAbsenceReturns(ctx: JobContext): Promise<number> {
  const queued = await ctx.db.transaction((tx) => queueReturns(tx, ctx.config, ctx.fireTime));
  ctx.log.info({ queued }, 'absence return cards queued');
  return queued;
}
