import type { CaseloadPost } from '../../services/caseload/posts';
import type { PostCards } from '../registry';
import { escalationCard, helpRequestCard, offerAcceptedCard, offerReceivedCard, requestWithdrawnCard, weekstartCard } from './cards';

export const caseloadPostCards: PostCards<CaseloadPost> = {
  // The channel's shared view; Teams refreshes the personal views.
  'caseload.request': (d) => helpRequestCard(d),
  'caseload.offerReceived': offerReceivedCard,
  'caseload.offerAccepted': offerAcceptedCard,
  'caseload.requestWithdrawn': requestWithdrawnCard,
  'caseload.escalation': escalationCard,
  'caseload.weekstart': weekstartCard,
};
