import { isoDay, localDay } from '../../lib/dates';
import { officeZone, type ActingContext } from '../context';
import { CAPACITY_FORBIDDEN, EVALUATION_FORBIDDEN, evaluationView, seesEvaluation } from './evaluation';
import { guarded, quiet } from './guard';
import { evaluationPeriod, periodRange } from './period';
import { actorView } from './sections/actor';
import { capacityTrendsView } from './sections/capacity-trends';
import { helpRequestsView } from './sections/help-requests';
import { MDO_FORBIDDEN, mdoView, seesMdoFigures } from './sections/mdo';
import { monitoringView } from './sections/monitoring';
import { statusView } from './sections/status';
import { workloadView } from './sections/workload';
import { defaultSources, type OverviewSources } from './sources';
import type { OverviewView } from './types';

/** Weeks of capacity snapshots the tab's trend charts show. */
const TREND_WEEKS = 26;

/**
 * The Overzicht for the acting user. Every feature's summary is asked once and in parallel; the
 * evaluation reuses them. A section whose summary fails is "unavailable" (and logged with the
 * request's correlation id), the others still load.
 */
export async function buildOverview(ctx: ActingContext, sources: OverviewSources = defaultSources): Promise<OverviewView> {
  const { db, actor, log } = ctx;
  const office = ctx.config.office;
  const zone = officeZone(ctx);
  const now = ctx.clock.now();
  const period = evaluationPeriod(office, now, zone);
  const range = periodRange(period, zone);

  const statusSummary = quiet(sources.status(db, office, now));
  const monitoringSummary = quiet(sources.monitoring(db, office, now, zone));
  // Up to and including this instant: a request made a moment ago is open too.
  const helpSummary = quiet(sources.helpRequests(db, { from: range.from, to: new Date(now.getTime() + 1) }));
  const mdoSummary = seesMdoFigures(actor) ? quiet(sources.mdo(db, range)) : undefined;
  // The charts show the last half-year up to this week, whatever the evaluation period.
  const today = localDay(now, zone);
  const capacitySummary = quiet(sources.capacity(db, office, { ...period, trendFrom: isoDay(today.minus({ weeks: TREND_WEEKS })), trendTo: isoDay(today.plus({ days: 1 })) }));

  const [status, monitoring, workload, helpRequests, mdo, evaluation, capacity] = await Promise.all([
    guarded(log, 'status', async () => ({ state: 'ok', data: statusView((await statusSummary).current, office, (await statusSummary).upcoming) })),
    guarded(log, 'monitoring', async () => ({ state: 'ok', data: monitoringView(await monitoringSummary, zone) })),
    guarded(log, 'workload', async () => ({ state: 'ok', data: { teams: workloadView(await sources.workload(db, office, {}), actor, office) } })),
    guarded(log, 'helpRequests', async () => ({ state: 'ok', data: helpRequestsView(await helpSummary, actor, office) })),
    guarded(log, 'mdo', async () => (mdoSummary ? { state: 'ok', data: mdoView(period, await mdoSummary) } : { state: 'forbidden', reason: MDO_FORBIDDEN })),
    guarded(log, 'evaluation', async () => {
      if (!seesEvaluation(actor) || !mdoSummary) return { state: 'forbidden', reason: EVALUATION_FORBIDDEN };
      return { state: 'ok', data: await evaluationView(period, { status: statusSummary, help: helpSummary, mdo: mdoSummary, monitoring: monitoringSummary, capacity: capacitySummary }, office, log) };
    }),
    guarded(log, 'capacity', async () =>
      seesEvaluation(actor) ? { state: 'ok', data: capacityTrendsView((await capacitySummary).recentWeeks, office) } : { state: 'forbidden', reason: CAPACITY_FORBIDDEN }),
  ]);
  return { generatedAt: now.toISOString(), actor: actorView(actor, office), status, monitoring, workload, helpRequests, mdo, evaluation, capacity };
}
