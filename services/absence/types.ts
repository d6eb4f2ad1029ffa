/** Absence as the feature's services and cards see it. Plain JSON: parts of it travel in card specs. */

export type AbsenceKind = 'ziek' | 'verlof' | 'anders';

/** One recorded absence. Days are YYYY-MM-DD in the office time zone. */
export interface AbsencePeriod {
  id: number;
  personAad: string;
  kind: AbsenceKind;
  startsOn: string;
  /** The last day away (inclusive); null while open-ended. */
  endsOn: string | null;
  standInAad: string | null;
  /** When "terug" ended it early (ISO string or Date from the store). */
  endedAt: Date | string | null;
}

/** Why a personal post reached someone other than its recipient. */
export interface OnBehalfOf {
  ownerAad: string;
  /** The owner's absence that applied (the return card reports per absence). */
  absenceId: number;
  /** standIn: the chosen stand-in; teamleider: nobody chosen or the stand-in away too; nobody: everyone away. */
  via: 'standIn' | 'teamleider' | 'nobody';
  /** The owner's last day away, when known. */
  until: string | null;
}

/** Who a personal post goes to now, and on whose behalf when that is not its recipient. */
export interface Route {
  recipientAad: string;
  onBehalfOf?: OnBehalfOf;
}

/** The "namens" line a card carries when it reached a stand-in: names resolved at send time. */
export interface OnBehalfLine extends OnBehalfOf {
  ownerName: string;
}

/** A person as the absence card lists them. */
export interface Colleague {
  aad: string;
  name: string;
}

/** A current or planned absence as the `afwezig` card lists it. */
export interface AbsenceLine {
  id: number;
  personName: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string | null;
  standInName: string | null;
  /** Away today (else planned). */
  current: boolean;
}

/** What the `afwezig` card shows the actor. */
export interface AbsenceOverview {
  today: string;
  /** Whom the actor may record an absence for: themself first, then (teamleider, MT) their team. */
  people: Colleague[];
  /** Colleagues who can stand in (the team of the actor, or the teams they lead). */
  standIns: Colleague[];
  /** The default stand-in: the team's buffer colleague with the most room; absent when there is none. */
  defaultStandIn?: Colleague;
  absences: AbsenceLine[];
}

/** The card a stand-in gets when they are chosen. */
export interface StandInNotice {
  ownerName: string;
  recordedByName: string;
  startsOn: string;
  endsOn: string | null;
}

/** The card a consulent gets once on return: what happened to their items while away. */
export interface ReturnSummary {
  ownerName: string;
  startsOn: string;
  /** The last day away. */
  endsOn: string;
  /** Posts that reached a stand-in or the teamleider. */
  redirected: number;
  acted: Array<{ actorName: string; action: string; caseReference: string | null }>;
  /** Own open monitoring items due by today. */
  stillOpen: Array<{ itemId: number; caseReference: string; kind: string; stage: string | null; dueOn: string | null }>;
  today: string;
}
