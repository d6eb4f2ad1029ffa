import type { HELP_KINDS, HELP_REASONS, STATUS_LABELS, URGENCIES } from '../../config/caseload-labels';

export type HelpKind = keyof typeof HELP_KINDS;
export type HelpReason = keyof typeof HELP_REASONS;
export type Urgency = keyof typeof URGENCIES;
export type RequestStatus = keyof typeof STATUS_LABELS;
export type OfferStatus = 'offered' | 'accepted' | 'withdrawn';

export interface HelpRequest {
  id: number;
  requesterAad: string;
  requesterName: string;
  regioteam: string;
  kind: HelpKind;
  caseCount: number;
  reason: HelpReason;
  urgency: Urgency;
  periodFrom: string | null;
  periodTo: string | null;
  description: string | null;
  caseRefs: string[];
  status: RequestStatus;
  offeredCases: number;
  version: number;
  createdAt: Date;
  escalatedAt: Date | null;
  closedAt: Date | null;
}

export interface HelpOffer {
  id: number;
  requestId: number;
  helperAad: string;
  helperName: string;
  helperTeamsId: string | null;
  caseCount: number;
  status: OfferStatus;
  createdAt: Date;
  acceptedAt: Date | null;
}

export interface RequestDetail {
  request: HelpRequest;
  offers: HelpOffer[];
  requesterTeamsId: string | null;
}

export interface NewHelpRequest {
  requesterAad: string;
  regioteam: string;
  kind: HelpKind;
  caseCount: number;
  reason: HelpReason;
  urgency: Urgency;
  periodFrom?: string;
  periodTo?: string;
  description?: string;
  caseRefs: string[];
}

/** One consulent's own caseload figures. */
export interface CaseloadFigures {
  openCases: number;
  complexCases: number;
  newThisWeek: number;
  /** Days absent in the coming two weeks. */
  absentDays: number;
  isBuffer: boolean;
}

export interface WorkloadRow {
  aadObjectId: string;
  name: string;
  regioteam: string;
  openCases: number;
  complexCases: number;
  newThisWeek: number;
  absentDays: number;
  /** The team's caseload norm (open cases for one full-time consulent). */
  norm: number;
  isBuffer: boolean;
  /** Recorded away today (services/absence): not available to help or to be counted on. */
  absentToday?: boolean;
}

/** A workload row with the signals the team sees (computed by services/caseload/rules.ts). */
export interface WorkloadLine extends Pick<WorkloadRow, 'name' | 'openCases' | 'complexCases' | 'absentDays' | 'norm' | 'isBuffer' | 'absentToday'> {
  aboveNorm: boolean;
  hasRoom: boolean;
}

export interface HelpRequestSummary {
  /** Requests created in [from, to). */
  asked: number;
  /** Of those, requests where an offer was accepted. */
  answered: number;
  /** Of those, requests escalated to a teamleider. */
  escalated: number;
  /** Requests created before `to` that still wait for accepted help (status open or aangeboden). */
  open: Array<{ id: number; regioteam: string; kind: HelpKind; urgency: Urgency; status: RequestStatus; createdAt: Date }>;
}

/** A request of the team that still waits for accepted help (weekstart, team view). */
export interface WaitingRequest {
  id: number;
  kind: HelpKind;
  urgency: Urgency;
  caseCount: number;
  requesterName: string | null;
  escalated: boolean;
}

/** An accepted offer: who helped whom with how many cases. */
export interface AcceptedHelp {
  requestId: number;
  caseCount: number;
  helperName: string | null;
  requesterName: string | null;
}

/**
 * What the viewer of a request card may do for its absent requester (services/authz decides per
 * offer; the card only draws it). standIn: the viewer stands in; teamleider or mt: the viewer
 * accepts the stand-in's own offer, which the stand-in may not accept themself.
 */
export interface RequestActing {
  ownerName: string;
  role: 'standIn' | 'teamleider' | 'mt';
  /** The offers the viewer may accept namens the requester. */
  mayAccept: number[];
  /** standIn with an open offer of their own: who accepts it ("Ruben Visser (teamleider)"); otherwise the stand-in's name. */
  other?: string;
}
