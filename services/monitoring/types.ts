export type StageStatus = 'pending' | 'announced' | 'skipped' | 'cancelled';

/** A monitoring item as stored. */
export interface ItemRow {
  id: number;
  kind: string;
  case_reference: string;
  anchor_date: string;
  owner_aad: string;
  regioteam: string;
  status: 'open' | 'closed';
  outcome: string | null;
  meeting_recorded: boolean;
  escalated_at: Date | null;
  school_year: string;
  version: number;
  closed_at: Date | null;
}

/** One stage of an item as stored: its due date and whether it was announced. */
export interface StageRow {
  item_id: number;
  stage: string;
  seq: number;
  due_on: string;
  round: number;
  status: StageStatus;
  late: boolean;
}

/** A stage as a card shows it (its text comes from the office's rules when the card is rendered). */
export interface StageSnapshot {
  stage: string;
  dueOn: string;
  round: number;
  status: StageStatus;
  late: boolean;
}

/**
 * Everything a card about one item shows that the office configuration does not, read from the
 * database at one moment (never from card data). Plain JSON: it is the data of the queued
 * `monitoring.item` card spec as well as of the reply to the acting user.
 */
export interface ItemSnapshot {
  id: number;
  kind: string;
  caseReference: string;
  anchorDate: string;
  regioteam: string;
  status: 'open' | 'closed';
  outcome: string | null;
  /** When the item was closed (ISO instant); null while open. */
  closedAt: string | null;
  meetingRecorded: boolean;
  escalated: boolean;
  /** Empty when the bot does not know the owner's name. */
  ownerName: string;
  stages: StageSnapshot[];
  /** The stage that asks for action now (rules.currentStage); absent when closed or none is left. */
  currentStage?: string;
  /** Colleagues of the item's regioteam who can take it over. */
  colleagues: Array<{ aad: string; name: string }>;
  /** The office day the snapshot was taken (YYYY-MM-DD). */
  today: string;
}

/** One line of a regioteam's digest: case references only, never names of pupils. */
export interface DigestLine {
  caseReference: string;
  kind: string;
  stage: string;
  dueOn: string;
  late: boolean;
  /** The consulent who owns the item; empty when the bot does not know their name. */
  ownerName: string;
  /** Who receives the owner's reminders today because the owner is away (absent when present). */
  standInName?: string;
  /** Their Teams user id, to @mention them where they must act (absent in digests queued before mentions). */
  ownerTeamsId?: string;
}

/** A regioteam's deadlines for one day: overdue, due today and later this week. */
export interface DigestSnapshot {
  regioteam: string;
  today: string;
  overdue: DigestLine[];
  dueToday: DigestLine[];
  upcoming: DigestLine[];
}

/** One of the actor's own open items with the deadline that comes next. */
export interface OwnItem {
  id: number;
  caseReference: string;
  kind: string;
  /** The next stage; null when none is pending or announced. */
  stage: string | null;
  dueOn: string | null;
}

/** What the `monitoring` card shows the actor: own open items and whom they may start items for. */
export interface MonitoringOverview {
  /** The regioteam preselected in the form. */
  regioteam: string;
  /** Colleagues of that team the actor may start an item for (empty unless teamleider or MT). */
  colleagues: Array<{ aad: string; name: string }>;
  items: OwnItem[];
  /** The office day the list was read (YYYY-MM-DD), to mark what is due today or overdue. */
  today: string;
}
