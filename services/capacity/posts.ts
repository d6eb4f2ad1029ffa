import type { CardSpec } from '../deliveries/card-spec';
import type { CapacitySignal } from './types';

/** The cards the capacity feature queues; cards/capacity/posts.ts renders each kind. */
export type CapacityPost =
  /** A capacity signal (or the reverse signal) to one MT member, personally. */
  | CardSpec<'capacity.signal', CapacitySignal>
  /** The half-yearly evaluation's questions to one colleague, or the one reminder. */
  | CardSpec<'capacity.evaluation', { evaluationDate: string; reminder: boolean }>;
