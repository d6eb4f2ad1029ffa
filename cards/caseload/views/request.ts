import { DateTime } from 'luxon';
import { HELP_KINDS, HELP_REASONS, STATUS_LABELS, URGENCIES, casussen } from '../../../config/caseload-labels';
import { timeZone } from '../../../lib/time-zone';
import type { RequestCardData } from '../../../services/caseload/posts';
import type { RequestActing } from '../../../services/caseload/types';
import type { FormProblem } from '../../../services/validation';

/** Dutch date and time for caseload cards, in the office time zone. */
export const formatDateTime = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone: timeZone(zone) }).setLocale('nl').toFormat('ccc d LLL HH:mm');

const formatIsoDate = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone: timeZone(zone) }).setLocale('nl').toFormat('d LLL yyyy');

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, title]) => ({ title, value }));

export interface RequestFormInput {
  /** The requester's regioteam; absent when the card asks for it. */
  teamName?: string;
  /** When the requester's regioteam is unknown, the card asks for it. */
  regioteams?: Array<{ id: string; name: string }>;
  /** What was sent, when the form comes back with problems. */
  values?: Record<string, unknown>;
  problems?: FormProblem[];
}

const REQUEST_DEFAULTS = { regioteam: '', kind: 'overnemen', caseCount: '1', reason: 'piekbelasting', urgency: 'week', periodFrom: '', periodTo: '', caseRefs: '', description: '' };

/** The form's values: what was sent where it is text, else the defaults. */
const requestFormValues = (sent: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(REQUEST_DEFAULTS).map(([key, fallback]) => {
    const v = sent[key];
    return [key, typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 1000) : fallback];
  })) as typeof REQUEST_DEFAULTS;

export const requestFormView = (data: RequestFormInput) => ({
  values: { ...requestFormValues(data.values), caseCount: Number(requestFormValues(data.values).caseCount) || 1 },
  intro: 'Vraag je regioteam om ondersteuning voordat de werkdruk te hoog wordt. Collega\'s zien je vraag in het teamkanaal en kunnen direct hulp aanbieden.',
  teamName: data.teamName ?? 'je regioteam',
  askRegioteam: !!data.regioteams,
  regioteams: (data.regioteams ?? []).map((t) => ({ title: t.name, value: t.id })),
  kinds: choices(HELP_KINDS),
  reasons: choices(HELP_REASONS),
  urgencies: choices(URGENCIES),
});

const STATUS_STYLE = { open: 'warning', aangeboden: 'accent', toegewezen: 'good', afgerond: 'good', ingetrokken: 'emphasis' } as const;

/**
 * The state as it is: a request with help accepted for part of its cases is "deels toegewezen",
 * with what is still open (the same count as the "Nog open" fact).
 */
export function statusLabel({ request }: Pick<RequestCardData, 'request'>): string {
  const remaining = request.caseCount - request.offeredCases;
  if (request.status === 'toegewezen' && remaining > 0) return `Deels toegewezen — nog ${casussen(remaining)} open`;
  return STATUS_LABELS[request.status];
}

/** The facts every view of a request shows. */
export function requestFacts(data: RequestCardData) {
  const { request, zone } = data;
  const remaining = request.caseCount - request.offeredCases;
  const period = request.periodFrom || request.periodTo
    ? `${request.periodFrom ? formatIsoDate(request.periodFrom, zone) : '…'} t/m ${request.periodTo ? formatIsoDate(request.periodTo, zone) : '…'}`
    : '';
  return [
    { title: 'Soort hulp', value: HELP_KINDS[request.kind] },
    { title: 'Aantal', value: casussen(request.caseCount) },
    { title: 'Reden', value: HELP_REASONS[request.reason] },
    { title: 'Urgentie', value: URGENCIES[request.urgency] },
    ...(period ? [{ title: 'Periode', value: period }] : []),
    ...(request.caseRefs.length ? [{ title: 'Casusnummers', value: request.caseRefs.join(', ') }] : []),
    ...(data.active ? [{ title: 'Nog open', value: remaining > 0 ? casussen(remaining) : 'alles is aangeboden' }] : []),
  ];
}

/** The viewer's note while they act for the absent requester (`acting`, decided by services). */
function actingNote(acting: RequestActing, hasOpenOffers: boolean): string {
  const owner = acting.ownerName;
  if (acting.role !== 'standIn') return `${acting.other} vervangt ${owner} en bood zelf hulp aan: dat aanbod accepteer jij als ${acting.role === 'mt' ? 'lid van het MT' : 'teamleider'} namens ${owner}.`;
  const choose = hasOpenOffers ? `kies welk aanbod je namens ${owner} accepteert` : `aanbiedingen accepteer je namens ${owner}`;
  const own = acting.other ? ` Je eigen aanbod accepteer je niet zelf: dat doet ${acting.other} namens ${owner}.` : '';
  return `Je vervangt ${owner}: ${choose}.${own} Afronden of intrekken doet ${owner} zelf.`;
}

/**
 * The help request in its current state, as one viewer sees it. The shared view (no viewer) lets
 * colleagues offer help; the requester's view has Accepteren per offer and the closing buttons;
 * a helper's view shows their own offer with a withdraw button. Whoever acts for the absent
 * requester (`acting`) accepts the offers services allow them, marked "namens": the stand-in all
 * but their own, the teamleider the stand-in's own; closing or withdrawing stays the requester's.
 */
export function helpRequestView(data: RequestCardData, viewerAad?: string, acting?: RequestActing) {
  const { request, offers } = data;
  const active = data.active;
  const isRequester = !!viewerAad && viewerAad === request.requesterAad;
  const forOwner = isRequester || !viewerAad ? undefined : acting;
  const standsIn = forOwner?.role === 'standIn';
  const liveOffers = offers.filter((o) => o.status !== 'withdrawn');
  const own = viewerAad ? liveOffers.find((o) => o.helperAad === viewerAad) : undefined;
  const amountMax = Math.max(0, request.caseCount - request.offeredCases);
  const mayAccept = (id: number) => isRequester || !!forOwner?.mayAccept.includes(id);

  let note = '';
  let noteColor = 'Default';
  if (request.status === 'afgerond') note = 'Afgerond: de hulp is geregeld. Dank je wel, collega\'s!';
  else if (request.status === 'ingetrokken') note = 'Ingetrokken door de aanvrager.';
  else if (forOwner && active) {
    note = actingNote(forOwner, liveOffers.some((o) => o.status === 'offered' && mayAccept(o.id)));
    noteColor = 'Accent';
  } else if (own?.status === 'accepted') note = `Je helpt met ${casussen(own.caseCount)}. Stem de overdracht af met ${request.requesterName || 'de aanvrager'}.`;
  else if (own) {
    note = `Je hebt aangeboden ${casussen(own.caseCount)} op te pakken. ${request.requesterName || 'De aanvrager'} beslist.`;
    noteColor = 'Accent';
  } else if (isRequester && request.status === 'open') note = 'Je vraag staat open; je krijgt een bericht bij elk aanbod.';
  else if (isRequester && request.status === 'aangeboden') note = 'Kies welk aanbod je accepteert.';

  return {
    id: request.id,
    title: `Hulpvraag: ${HELP_KINDS[request.kind].toLowerCase()}`,
    subtitle: `${request.requesterName || 'Een collega'} · ${data.teamName}`,
    statusLabel: statusLabel(data),
    statusStyle: STATUS_STYLE[request.status],
    facts: requestFacts(data),
    description: request.description ?? '',
    escalated: data.escalated,
    offers: liveOffers.map((o) => ({
      offerId: o.id,
      line: `${o.helperName || 'Een collega'}: ${casussen(o.caseCount)} · ${o.status === 'accepted' ? '✔ geaccepteerd' : 'aangeboden'}`,
      weight: o.helperAad === viewerAad ? 'Bolder' : 'Default',
      canAccept: active && o.status === 'offered' && mayAccept(o.id),
    })),
    note,
    noteColor,
    footer: `Gevraagd op ${formatDateTime(request.createdAt, data.zone)} · kenmerk H-${request.id}`,
    canOffer: active && amountMax > 0 && !isRequester && !standsIn && !own,
    amountChoices: Array.from({ length: amountMax }, (_, i) => ({ title: casussen(i + 1), value: String(i + 1) })),
    maxAmount: String(Math.max(1, amountMax)),
    canWithdrawOffer: active && own?.status === 'offered',
    canComplete: isRequester && request.status === 'toegewezen',
    canWithdrawRequest: isRequester && active,
  };
}

/** Teams fetches personal views for at most this many users of a card. */
const MAX_REFRESH_USERS = 60;

/**
 * Who Teams fetches a personal view for (Universal Actions refresh): the requester, while they are
 * away who may act for them (stand-in, teamleiders), then the helpers; the first 60.
 */
export function refreshUserIds(data: RequestCardData): string[] {
  const ids = [data.requesterTeamsId, ...(data.actingTeamsIds ?? []), ...data.offers.filter((o) => o.status !== 'withdrawn').map((o) => o.helperTeamsId)];
  return [...new Set(ids.filter((id): id is string => !!id))].slice(0, MAX_REFRESH_USERS);
}
