import type { CardSpec } from '../deliveries/card-spec';
import type { DigestSnapshot, ItemSnapshot } from './types';

/** The cards monitoring queues as posts; cards/monitoring/posts.ts renders each kind. */
export type MonitoringPost =
  /** One item: a stage's personal reminder, a hand-over or escalation notice, or its update in place. */
  | CardSpec<'monitoring.item', ItemSnapshot>
  /** A regioteam's daily digest in its channel, or its update in place. */
  | CardSpec<'monitoring.digest', DigestSnapshot>
  | CardSpec<'monitoring.evaluationReminder', { evaluationDate: string; leadWeeks: number }>;
