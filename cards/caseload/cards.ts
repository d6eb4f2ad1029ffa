import { casussen } from '../../config/caseload-labels';
import type { EscalationData, OfferReceivedData, RequestCardData, TeamWorkload } from '../../services/caseload/posts';
import type { RequestActing } from '../../services/caseload/types';
import { withFormProblems } from '../form-problems';
import { infoCard, successCard } from '../notice';
import { renderTemplate, type AdaptiveCard } from '../render';
import escalationTemplate from './templates/escalation.json';
import figuresTemplate from './templates/figures-form.json';
import formTemplate from './templates/request-form.json';
import requestTemplate from './templates/request.json';
import weekstartTemplate from './templates/weekstart.json';
import { helpRequestView, refreshUserIds, requestFormView, type RequestFormInput } from './views/request';
import { escalationView, figuresFormView, weekstartView, type FiguresFormInput } from './views/workload';

export const requestFormCard = (data: RequestFormInput): AdaptiveCard =>
  withFormProblems(renderTemplate(formTemplate, requestFormView(data)), data.problems ?? [], 'Er is niets verstuurd. Je invoer staat er nog.');

/**
 * The help request card; Teams fetches the requester's, helpers' and (while the requester is away)
 * their stand-in's own views through `refresh`. `acting`: what the viewer may do for the absent requester.
 */
export function helpRequestCard(data: RequestCardData, viewerAad?: string, acting?: RequestActing): AdaptiveCard {
  const card = renderTemplate(requestTemplate, helpRequestView(data, viewerAad, acting));
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  if (data.active) {
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Vernieuwen', verb: 'caseload.refresh', data: { requestId: data.request.id } },
      userIds: refreshUserIds(data),
    };
  }
  return card;
}

export const requestPostedCard = (teamName: string, requestId: number): AdaptiveCard =>
  successCard(
    'Je hulpvraag staat in het teamkanaal',
    `Collega's in ${teamName} zien je vraag nu (kenmerk H-${requestId}). Je krijgt een persoonlijk bericht bij elk aanbod en kiest zelf wie je helpt. Komt er geen hulp, dan wordt je teamleider op tijd ingeschakeld.`,
  );

/** Buttons of a personal notice about a request: what the reader can do, the post in the channel, and their list. */
function noticeActions(card: AdaptiveCard, act: object[], link?: string): AdaptiveCard {
  return {
    ...card,
    actions: [
      ...act,
      ...(link ? [{ type: 'Action.OpenUrl', title: 'Bekijk in het kanaal', url: link }] : []),
      { type: 'Action.Execute', title: 'Mijn taken', verb: 'menu.open', data: { command: 'taken' } },
    ],
  };
}

/** The requester's notice of an offer: accept it right here (the same verb and check as the channel card). */
export const offerReceivedCard = (d: OfferReceivedData): AdaptiveCard =>
  noticeActions(
    infoCard(
      'Een collega biedt hulp aan',
      `${d.helperName || 'Een collega'} kan ${casussen(d.caseCount)} oppakken bij je hulpvraag H-${d.requestId} in ${d.teamName}. Accepteer het aanbod hier, of bekijk eerst je hulpvraag in het kanaal.`,
    ),
    d.offerId ? [{ type: 'Action.Execute', title: 'Accepteren', verb: 'caseload.accept', data: { requestId: d.requestId, offerId: d.offerId }, style: 'positive' }] : [],
    d.link,
  );

export const offerAcceptedCard = (d: { requesterName: string; caseCount: number; requestId: number; link?: string }): AdaptiveCard =>
  noticeActions(
    successCard(
      'Je hulpaanbod is geaccepteerd',
      `${d.requesterName || 'Je collega'} heeft je aanbod geaccepteerd: je pakt ${casussen(d.caseCount)} op bij hulpvraag H-${d.requestId}. Stem de overdracht samen af. Dank je wel!`,
    ),
    [],
    d.link,
  );

export const requestWithdrawnCard = (d: { requesterName: string; requestId: number }): AdaptiveCard =>
  infoCard('Hulpvraag ingetrokken', `${d.requesterName || 'Je collega'} heeft hulpvraag H-${d.requestId} ingetrokken; je aanbod is niet meer nodig. Dank je wel!`);

export const figuresFormCard = (data: FiguresFormInput): AdaptiveCard =>
  withFormProblems(renderTemplate(figuresTemplate, figuresFormView(data)), data.problems ?? []);

/** The weekstart post, and the same view on demand (`werkdruk team`). */
export const weekstartCard = (data: TeamWorkload): AdaptiveCard => renderTemplate(weekstartTemplate, weekstartView(data));

export const escalationCard = (data: EscalationData): AdaptiveCard => renderTemplate(escalationTemplate, escalationView(data));
