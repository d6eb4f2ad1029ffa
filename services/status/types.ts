import type { TaskDiff, TaskStatuses } from '../../config/rings';

/** The statusaanpassing's domain data: rows as the store returns them, and what the cards are built from. */

export type ChangeState = 'draft' | 'proposed' | 'awaiting_confirmation' | 'published' | 'ended' | 'withdrawn';

export interface Decider {
  aad: string;
  name: string;
}

/** A row of status_changes. Dates (days) are ISO strings; moments are Dates. */
export interface ChangeRow {
  id: number;
  kind: 'change' | 'end';
  endsChangeId: number | null;
  state: ChangeState;
  title: string;
  preset: string | null;
  tasks: TaskStatuses;
  previousTasks: TaskStatuses;
  reasonCategory: string;
  reason: string | null;
  practiceImpact: string | null;
  partnerText: string | null;
  startDate: string;
  endDate: string | null;
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  consultationDeadline: string | null;
  consultationSkipped: string | null;
  consultationChannels: string[];
  firstDecider: string | null;
  firstDeciderName: string | null;
  decidedBy: Decider[];
  decidedAt: Date | null;
  expiryChoice: string | null;
  expiryNoticeFor: string | null;
  endedAt: Date | null;
  cardVersion: number;
}

export type Answer = 'akkoord' | 'zorgen' | 'opmerking';

export interface ResponseRow {
  aadObjectId: string;
  name: string;
  answer: Answer;
  comment: string | null;
  answeredAt: Date;
}

export type ResponseCounts = Record<Answer, number>;

export interface AnnouncementRow {
  id: number;
  changeId: number;
  kind: 'publish' | 'extend' | 'end' | 'lapse';
  regioteams: string[];
  postKeys: string[];
  createdAt: Date;
  remindOn: string;
  remindedAt: Date | null;
}

/**
 * A change as its cards show it: plain JSON (queued posts store it), with the tasks it alters
 * worked out against the office's ring model when it was queued.
 */
export type ChangeFacts = Pick<
  ChangeRow,
  | 'id' | 'kind' | 'state' | 'title' | 'tasks' | 'previousTasks' | 'reasonCategory' | 'reason' | 'practiceImpact' | 'partnerText'
  | 'startDate' | 'endDate' | 'proposedByName' | 'consultationDeadline' | 'consultationSkipped' | 'firstDecider' | 'firstDeciderName' | 'decidedBy'
> & { changes: TaskDiff[] };

/** A proposal under consultation and how people answered so far. */
export interface Consultation {
  change: ChangeFacts;
  counts: ResponseCounts;
  /** Teams ids that get their own view of the channel card (the MT: with "Alle reacties"). */
  viewers?: string[];
  /** This viewer may open everyone's answers (MT). */
  showResponses?: boolean;
}

/** The MT's decision card for one viewer (who may or may not confirm). */
export interface Decision extends Consultation {
  viewerAad: string;
  fourEyes: boolean;
}

/** What the MT sees before publishing: the concerns and remarks, and whether people may still answer. */
export interface PublishCheck extends Decision {
  /** Answers "zorgen" and "opmerking", oldest first. */
  remarks: ResponseRow[];
  /** The consultation deadline is today or later: colleagues may still answer. */
  deadlinePending: boolean;
}

/** An announcement of a change and how many of its audience read it. */
export interface Announcement {
  change: ChangeFacts;
  announcement: Pick<AnnouncementRow, 'id' | 'kind'>;
  /** Colleagues of the announced regioteams, and the MT and beleid counted apart. */
  reads: { read: number; audience: number; apartRead?: number; apartAudience?: number };
  /** Teams ids that get their own view of the channel card (Universal Actions refresh). */
  viewers?: string[];
  /**
   * The card as one person sees it: whether they read it, whether they are MT, and whether they are
   * outside its audience (joined a regioteam after it was published: their reading is not counted).
   */
  viewer?: { read: boolean; mt: boolean; outside?: boolean };
}

/** The choice the deciders get when a change nears or passes its expected end. */
export interface Expiry {
  change: ChangeFacts;
  overdue: boolean;
  /** The end date the card suggests for an extension (ISO day). */
  suggestedEnd: string;
}

/** The preview of a draft, before the MT starts the consultation. */
export interface Preview {
  change: ChangeFacts;
  /** The suggested consultation deadline (ISO day). */
  deadline: string;
  /** Regioteams with a linked channel, which can be consulted. */
  linkedTeams: string[];
}

/** What is in force: every task's status, the change that set it, or the one that lapsed. */
export interface InForce {
  tasks: TaskStatuses;
  change?: ChangeRow;
  /** Set when the latest change lapsed on its end date (by the MT's choice). */
  lapsedFrom?: ChangeRow;
}
