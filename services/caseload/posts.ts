import type { Office } from '../../config/office';
import type { CardSpec } from '../deliveries/card-spec';
import { isActive, isUnanswered } from './rules';
import type { AcceptedHelp, HelpOffer, HelpRequest, RequestDetail, WaitingRequest, WorkloadLine } from './types';

/** A help request as its card shows it, in plain JSON (dates as ISO strings) so a queued post can carry it. */
export interface RequestCardData {
  request: Omit<HelpRequest, 'createdAt' | 'escalatedAt' | 'closedAt' | 'version'> & { createdAt: string };
  offers: Array<Pick<HelpOffer, 'id' | 'helperAad' | 'helperName' | 'helperTeamsId' | 'caseCount' | 'status'>>;
  requesterTeamsId: string | null;
  /** Offers, acceptance and closing are still possible. */
  active: boolean;
  /** Escalated to the teamleider and still waiting for accepted help. */
  escalated: boolean;
  teamName: string;
  zone: string;
  /** While the requester has an absence now or ahead: Teams ids of who may come to act for them (stand-in, teamleiders). */
  actingTeamsIds?: string[];
}

export const teamName = (office: Pick<Office, 'regioteams'>, regioteam: string) =>
  office.regioteams.find((t) => t.id === regioteam)?.name ?? regioteam;

export function requestCardData(detail: RequestDetail, office: Pick<Office, 'regioteams'>, zone: string): RequestCardData {
  const { createdAt, escalatedAt, closedAt: _closedAt, version: _version, ...request } = detail.request;
  return {
    request: { ...request, createdAt: createdAt.toISOString() },
    offers: detail.offers.map(({ id, helperAad, helperName, helperTeamsId, caseCount, status }) => ({ id, helperAad, helperName, helperTeamsId, caseCount, status })),
    requesterTeamsId: detail.requesterTeamsId,
    active: isActive(request.status),
    escalated: !!escalatedAt && isUnanswered(request.status),
    teamName: teamName(office, detail.request.regioteam),
    zone,
  };
}

/** A regioteam's workload at one moment: the weekstart post, and what `werkdruk team` shows. */
export interface TeamWorkload {
  mode: 'weekstart' | 'now';
  teamName: string;
  norm: number;
  /** The moment shown (ISO). */
  at: string;
  zone: string;
  people: WorkloadLine[];
  /** Colleagues of the team who never entered figures (absent in cards queued before it existed). */
  missing?: string[];
  waiting: WaitingRequest[];
  /** Help accepted in the week before. */
  helped: AcceptedHelp[];
  /** Monitoring deadlines per consulent this week (counts only). */
  deadlines: Array<{ owner: string; thisWeek: number; overdue: number }>;
}

/** The teamleider's card for a request that waited too long for accepted help. */
export interface EscalationData {
  request: RequestCardData['request'];
  /** Offers made but not accepted yet. */
  openOffers: number;
  /** When it was escalated (ISO): the card says how long ago help was asked. */
  escalatedAt: string;
  teamId: string;
  teamName: string;
  norm: number;
  people: WorkloadLine[];
  zone: string;
  /** Teams deep link to the request's card in the channel. */
  link?: string;
}

/** The requester's notice of an offer, with Accepteren. Specs queued before offerId and link existed have neither. */
export interface OfferReceivedData {
  helperName: string;
  caseCount: number;
  requestId: number;
  offerId?: number;
  /** Teams deep link to the request's card in the channel, when it was posted already. */
  link?: string;
  teamName: string;
}

/** The cards caseload queues as posts; cards/caseload/posts.ts renders each kind. */
export type CaseloadPost =
  | CardSpec<'caseload.request', RequestCardData>
  | CardSpec<'caseload.offerReceived', OfferReceivedData>
  | CardSpec<'caseload.offerAccepted', { requesterName: string; caseCount: number; requestId: number; link?: string }>
  | CardSpec<'caseload.requestWithdrawn', { requesterName: string; requestId: number }>
  | CardSpec<'caseload.escalation', EscalationData>
  | CardSpec<'caseload.weekstart', TeamWorkload>;
