import type { TaskDiff } from '../../config/rings';
import type { HelpKind, Urgency } from '../caseload/types';

/** Whose item a row of the 'namens' group is and why it reaches the reader (services/absence decides, as for their posts). */
export interface ForOwner {
  ownerName: string;
  /** standIn: chosen as stand-in; teamleider: nobody chosen or the stand-in is away too. */
  via: 'standIn' | 'teamleider' | 'nobody';
  /** The owner's last day away, when known. */
  until: string | null;
}

/**
 * What waits for one person, as plain data: one row per thing they can act on. Each kind carries
 * the ids its buttons need (the same verbs and data as the cards in the channel) and what the row
 * shows; cards/tasks turns a row into Dutch text and buttons. The kinds that also appear in the
 * 'namens' group carry `forOwner` there: a colleague's item while that colleague is away.
 */
export type TaskRow =
  | { kind: 'status.consultation'; at: string; changeId: number; title: string; deadline: string | null }
  | { kind: 'status.announcement'; at: string; announcementId: number; title: string; announcement: 'publish' | 'extend' | 'end' | 'lapse' }
  | { kind: 'status.decision'; at: string; changeId: number; title: string; state: 'proposed' | 'awaiting_confirmation'; deadline: string | null }
  | { kind: 'caseload.offerToAccept'; at: string; requestId: number; offerId: number; helperName: string; caseCount: number; forOwner?: ForOwner }
  | { kind: 'caseload.ownRequest'; at: string; requestId: number; status: string; helpKind: HelpKind; caseCount: number; offeredCases: number }
  | { kind: 'caseload.teamRequest'; at: string; requestId: number; requesterName: string; helpKind: HelpKind; urgency: Urgency; casesLeft: number }
  | { kind: 'caseload.ownOffer'; at: string; requestId: number; requesterName: string; caseCount: number; status: 'offered' | 'accepted' }
  | { kind: 'caseload.escalated'; at: string; requestId: number; regioteam: string; requesterName: string; helpKind: HelpKind; caseCount: number }
  | { kind: 'monitoring.item'; at: string; itemId: number; caseReference: string; itemKind: string; stage: string | null; dueOn: string | null; overdue: boolean; handedOverBy: string | null; forOwner?: ForOwner }
  | { kind: 'mdo.upcoming'; at: string; decisionId: number; mdoType: string; detail: string | null; meetingAt: string; decided: boolean; outcome: string; forOwner?: ForOwner }
  | { kind: 'upcoming.change'; at: string; changeId: number; announcementId: number; title: string; startDate: string; endDate: string | null; changes: TaskDiff[] };

export type TaskRowKind = TaskRow['kind'];

/** The groups of the list, in the order the card shows them. */
export type TaskGroupKey = 'status' | 'caseload' | 'monitoring' | 'mdo' | 'namens' | 'upcoming';

export interface TaskGroup {
  key: TaskGroupKey;
  /** Information only (decided changes not yet in force): nothing to act on, so it does not make the list non-empty. */
  info?: boolean;
  /** The rows shown (capped), in the group's order. */
  rows: TaskRow[];
  /** All rows of the group, also those not shown. */
  total: number;
}

export interface TaskList {
  groups: TaskGroup[];
  /** The group shown on its own ("alles tonen"), if any. */
  only?: TaskGroupKey;
  /** The office day (YYYY-MM-DD) the list was made. */
  today: string;
}
