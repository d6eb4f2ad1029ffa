import type { MdoOutcome } from '../../config/mdo-labels';
import { cardSpec, type CardSpec } from '../deliveries/card-spec';
import type { MdoDecisionRow } from './store';

/** What the reminder card shows of the meeting: the stored decision's facts, as plain JSON. */
export interface MdoReminderData {
  mdoType: string;
  detail: string | null;
  /** ISO timestamp. */
  meetingAt: string;
  organiser: string;
  caseRefs: string[];
  finalOutcome: MdoOutcome;
  /** Whose MDO it is: a stand-in's list button opens theirs (absent in specs queued before it existed). */
  ownerAad?: string;
}

/** The cards the MDO flow queues as posts; cards/mdo/posts.ts renders each kind. */
export type MdoPost = CardSpec<'mdo.reminder', MdoReminderData>;

/** The reminder's card spec from a decided row. */
export const reminderSpec = (row: MdoDecisionRow): MdoPost =>
  cardSpec<MdoPost>('mdo.reminder', {
    mdoType: row.mdo_type,
    detail: row.detail,
    meetingAt: row.meeting_at.toISOString(),
    organiser: row.organiser,
    caseRefs: row.case_refs,
    finalOutcome: row.final_outcome ?? row.advised_outcome,
    ownerAad: row.owner_aad,
  });
