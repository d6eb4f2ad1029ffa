import type { CardSpec } from '../deliveries/card-spec';

/** The cards monitoring queues as posts; cards/monitoring/posts.ts renders each kind. */
export type MonitoringPost = CardSpec<'monitoring.evaluationReminder', { evaluationDate: string; leadWeeks: number }>;
