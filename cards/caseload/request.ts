import { HELP_KINDS, HELP_REASONS, STATUS_LABELS, URGENCIES, choices, type RequestDetail } from '../../services/caseload/types';
import { renderTemplate, type AdaptiveCard } from '../render';
import formTemplate from './templates/request-form.json';
import requestTemplate from './templates/request.json';
import { casussen, formatDateTime, formatIsoDate } from './format';

export const REFRESH_VERB = 'caseload.refresh';

export interface RequestFormData {
  teamName: string;
  /** When the requester's regioteam is unknown, the card asks for it. */
  regioteams?: Array<{ id: string; name: string }>;
}

export function requestFormCard(data: RequestFormData): AdaptiveCard {
  return renderTemplate(formTemplate, {
    intro: 'Vraag je regioteam om ondersteuning voordat de werkdruk te hoog wordt. Collega\'s zien je vraag in het teamkanaal en kunnen direct hulp aanbieden.',
    teamName: data.teamName,
    askRegioteam: !!data.regioteams,
    regioteams: (data.regioteams ?? []).map((t) => ({ title: t.name, value: t.id })),
    kinds: choices(HELP_KINDS),
    reasons: choices(HELP_REASONS),
    urgencies: choices(URGENCIES),
  });
}

const STATUS_STYLE = { open: 'warning', aangeboden: 'accent', toegewezen: 'good', afgerond: 'good', ingetrokken: 'emphasis' } as const;

export interface RequestCardOptions {
  teamName: string;
  zone: string;
  /** Whose view: undefined renders the shared channel view everyone sees. */
  viewerAad?: string;
}

/**
 * The help request card in its current state. The shared view lets colleagues offer help; the
 * requester's view has Accepteren per offer and the closing buttons; a helper's view shows their
 * own offer with a withdraw button. Teams fetches the personal views through `refresh`.
 */
export function helpRequestCard(detail: RequestDetail, options: RequestCardOptions): AdaptiveCard {
  const { request, offers } = detail;
  const active = request.status === 'open' || request.status === 'aangeboden' || request.status === 'toegewezen';
  const viewer = options.viewerAad;
  const isRequester = !!viewer && viewer === request.requesterAad;
  const liveOffers = offers.filter((o) => o.status !== 'withdrawn');
  const own = viewer ? liveOffers.find((o) => o.helperAad === viewer) : undefined;
  const remaining = request.caseCount - request.offeredCases;

  const period = request.periodFrom || request.periodTo
    ? `${request.periodFrom ? formatIsoDate(request.periodFrom, options.zone) : '…'} t/m ${request.periodTo ? formatIsoDate(request.periodTo, options.zone) : '…'}`
    : '';
  const facts = [
    { title: 'Soort hulp', value: HELP_KINDS[request.kind] },
    { title: 'Aantal', value: casussen(request.caseCount) },
    { title: 'Reden', value: HELP_REASONS[request.reason] },
    { title: 'Urgentie', value: URGENCIES[request.urgency] },
    ...(period ? [{ title: 'Periode', value: period }] : []),
    ...(request.caseRefs.length ? [{ title: 'Casusnummers', value: request.caseRefs.join(', ') }] : []),
    ...(active ? [{ title: 'Nog open', value: remaining > 0 ? casussen(remaining) : 'alles is aangeboden' }] : []),
  ];

  const offerRows = liveOffers.map((o) => ({
    offerId: o.id,
    line: `${o.helperName || 'Een collega'}: ${casussen(o.caseCount)} · ${o.status === 'accepted' ? '✔ geaccepteerd' : 'aangeboden'}`,
    weight: o.helperAad === viewer ? 'Bolder' : 'Default',
    canAccept: isRequester && active && o.status === 'offered',
  }));

  let note = '';
  let noteColor = 'Default';
  if (request.status === 'afgerond') note = 'Afgerond: de hulp is geregeld. Dank je wel, collega\'s!';
  else if (request.status === 'ingetrokken') note = 'Ingetrokken door de aanvrager.';
  else if (own?.status === 'accepted') {
    note = `Je helpt met ${casussen(own.caseCount)}. Stem de overdracht af met ${request.requesterName || 'de aanvrager'}.`;
    noteColor = 'Default';
  } else if (own) {
    note = `Je hebt aangeboden ${casussen(own.caseCount)} op te pakken. ${request.requesterName || 'De aanvrager'} beslist.`;
    noteColor = 'Accent';
  } else if (isRequester && request.status === 'open') note = 'Je vraag staat open; je krijgt een bericht bij elk aanbod.';
  else if (isRequester && request.status === 'aangeboden') note = 'Kies welk aanbod je accepteert.';

  const amountMax = Math.max(0, remaining);
  const card = renderTemplate(requestTemplate, {
    id: request.id,
    title: `Hulpvraag: ${HELP_KINDS[request.kind].toLowerCase()}`,
    subtitle: `${request.requesterName || 'Een collega'} · ${options.teamName}`,
    statusLabel: STATUS_LABELS[request.status],
    statusStyle: STATUS_STYLE[request.status],
    facts,
    description: request.description ?? '',
    escalated: !!request.escalatedAt && (request.status === 'open' || request.status === 'aangeboden'),
    offers: offerRows,
    note,
    noteColor,
    footer: `Gevraagd op ${formatDateTime(request.createdAt, options.zone)} · kenmerk H-${request.id}`,
    canOffer: active && amountMax > 0 && !isRequester && !own,
    amountChoices: Array.from({ length: amountMax }, (_, i) => ({ title: casussen(i + 1), value: String(i + 1) })),
    maxAmount: String(Math.max(1, amountMax)),
    canWithdrawOffer: active && own?.status === 'offered',
    canComplete: isRequester && request.status === 'toegewezen',
    canWithdrawRequest: isRequester && active,
  });
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  if (active) {
    const userIds = [detail.requesterTeamsId, ...liveOffers.map((o) => o.helperTeamsId)].filter((id): id is string => !!id);
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Vernieuwen', verb: REFRESH_VERB, data: { requestId: request.id } },
      userIds: [...new Set(userIds)].slice(0, 60),
    };
  }
  return card;
}
