import type { CardSpec } from '../deliveries/card-spec';
import type { Announcement, Consultation, Decision, Expiry } from './types';

/** The cards the statusaanpassing queues as posts; cards/status/posts.ts renders each kind. */
export type StatusPost =
  /** The consultation card in a regioteam channel (and its in-place updates: counts, closed). */
  | CardSpec<'status.consultation', Consultation>
  /** Four-eyes: the decision card asking another MT member to confirm. */
  | CardSpec<'status.decision', Decision>
  /** An announcement in a channel, its in-place updates (reads) and reminders to non-readers. */
  | CardSpec<'status.announcement', Announcement & { reminder: boolean }>
  /** The choice for the deciders when a change nears or passed its expected end. */
  | CardSpec<'status.expiry', Expiry>;
