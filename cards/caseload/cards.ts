import { casussen } from '../../config/caseload-labels';
import type { EscalationData, RequestCardData, TeamWorkload } from '../../services/caseload/posts';
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

/** The help request card; Teams fetches the requester's and helpers' own views through `refresh`. */
export function helpRequestCard(data: RequestCardData, viewerAad?: string): AdaptiveCard {
  const card = renderTemplate(requestTemplate, helpRequestView(data, viewerAad));
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

export const offerReceivedCard = (d: { helperName: string; caseCount: number; requestId: number; teamName: string }): AdaptiveCard =>
  infoCard(
    'Een collega biedt hulp aan',
    `${d.helperName || 'Een collega'} kan ${casussen(d.caseCount)} oppakken bij je hulpvraag H-${d.requestId}. Open je hulpvraag in het kanaal van ${d.teamName} en kies Accepteren.`,
  );

export const offerAcceptedCard = (d: { requesterName: string; caseCount: number; requestId: number }): AdaptiveCard =>
  successCard(
    'Je hulpaanbod is geaccepteerd',
    `${d.requesterName || 'Je collega'} heeft je aanbod geaccepteerd: je pakt ${casussen(d.caseCount)} op bij hulpvraag H-${d.requestId}. Stem de overdracht samen af. Dank je wel!`,
  );

export const requestWithdrawnCard = (d: { requesterName: string; requestId: number }): AdaptiveCard =>
  infoCard('Hulpvraag ingetrokken', `${d.requesterName || 'Je collega'} heeft hulpvraag H-${d.requestId} ingetrokken; je aanbod is niet meer nodig. Dank je wel!`);

export const figuresFormCard = (data: FiguresFormInput): AdaptiveCard =>
  withFormProblems(renderTemplate(figuresTemplate, figuresFormView(data)), data.problems ?? []);

/** The weekstart post, and the same view on demand (`werkdruk team`). */
export const weekstartCard = (data: TeamWorkload): AdaptiveCard => renderTemplate(weekstartTemplate, weekstartView(data));

export const escalationCard = (data: EscalationData): AdaptiveCard => renderTemplate(escalationTemplate, escalationView(data));
