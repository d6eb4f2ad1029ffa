import type { Office } from '../../config/office';
import { capacitySummary, type CapacitySummary } from '../capacity/summary';
import { helpRequestSummary, workloadSummary } from '../caseload/store/workload';
import type { HelpRequestSummary, WorkloadRow } from '../caseload/types';
import type { Queryable } from '../db';
import { mdoSummary, type MdoSummary } from '../mdo/store';
import { monitoringSummary, type MonitoringSummary } from '../monitoring/summary';
import { statusSummary, type StatusSummary } from '../status/summary';

/**
 * The overview reads through the features' own summaries (their stores hold the SQL). Injectable
 * for tests; a failing one renders as "nog niet beschikbaar".
 */
export interface OverviewSources {
  status(q: Queryable, office: Office, now: Date): Promise<StatusSummary>;
  workload(q: Queryable, office: Office, options: { regioteam?: string }): Promise<WorkloadRow[]>;
  helpRequests(q: Queryable, range: { from: Date; to: Date }): Promise<HelpRequestSummary>;
  monitoring(q: Queryable, office: Office, now: Date, zone: string): Promise<MonitoringSummary>;
  mdo(q: Queryable, period: { from: Date; to: Date }): Promise<MdoSummary>;
  capacity(q: Queryable, office: Office, range: { from: string; to: string; trendFrom: string; trendTo: string }): Promise<CapacitySummary>;
}

export const defaultSources: OverviewSources = {
  status: statusSummary,
  workload: workloadSummary,
  helpRequests: helpRequestSummary,
  monitoring: monitoringSummary,
  mdo: mdoSummary,
  capacity: capacitySummary,
};
