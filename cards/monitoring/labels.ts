import type { StageStatus } from '../../services/monitoring/types';

/** Dutch labels only the monitoring cards show. */

export const STAGE_STATE: Record<StageStatus, string> = {
  pending: 'gepland',
  announced: 'gemeld',
  skipped: 'niet nodig',
  cancelled: 'vervallen',
};

export const OUTCOME: Record<string, string> = {
  'hulp-gestart': 'Afgesloten: de hulp is gestart.',
  afgerond: 'Afgerond.',
};
