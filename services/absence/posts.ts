import type { CardSpec } from '../deliveries/card-spec';
import type { ReturnSummary, StandInNotice } from './types';

/** The cards absence queues as posts; cards/absence/posts.ts renders each kind. */
export type AbsencePost =
  /** To the chosen stand-in when an absence is recorded. */
  | CardSpec<'absence.standIn', StandInNotice>
  /** To the consulent, once, when they are back. */
  | CardSpec<'absence.return', ReturnSummary>;
