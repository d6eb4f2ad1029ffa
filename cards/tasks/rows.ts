import { casussen, HELP_KINDS, STATUS_LABELS, URGENCIES } from '../../config/caseload-labels';
import { meetingName } from '../../config/mdo-catalogue';
import { OUTCOME_LABEL, type MdoOutcome } from '../../config/mdo-labels';
import { describeDiff } from '../../config/status-labels';
import { findKind } from '../../config/monitoring-rules';
import { dutchDate } from '../../lib/dates';
import type { ForOwner, TaskRow, TaskRowKind } from '../../services/tasks/types';
import type { RenderContext } from '../registry';
import { dutchWhen } from '../mdo/views';
import { KIND_TITLE } from '../status/labels';

/** One button of a row: the same verb and data as the card in the channel or the item's own card. */
export interface RowButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style: 'default' | 'positive' | 'destructive';
  /** Acting buttons bring the person back to their list; buttons that open a card do not. */
  acts: boolean;
}

export interface RowView {
  text: string;
  detail: string;
  buttons: RowButton[];
}

const act = (title: string, verb: string, data: Record<string, unknown>, style: RowButton['style'] = 'default'): RowButton => ({ title, verb, data, style, acts: true });
const open = (title: string, verb: string, data: Record<string, unknown>): RowButton => ({ title, verb, data, style: 'default', acts: false });

/**
 * A colleague's item in the 'namens' group: the owner's name first, and why it reaches the reader
 * (the same words as the "namens" line on a notice that reached a stand-in).
 */
export function onBehalfRow(view: RowView, owner: ForOwner, zone: string): RowView {
  const until = owner.until ? ` tot en met ${dutchDate(owner.until, zone)}` : '';
  const why = owner.via === 'teamleider' ? `${owner.ownerName} is afwezig${until}; geen vervanger beschikbaar, dus jij als teamleider` : `${owner.ownerName} is afwezig${until}; jij vervangt`;
  return { ...view, text: `**Namens ${owner.ownerName}** · ${view.text}`, detail: [view.detail, why].filter(Boolean).join(' · ') };
}

type Renderers = { [K in TaskRowKind]: (row: Extract<TaskRow, { kind: K }>, ctx: RenderContext, today: string) => RowView };

/** Per row kind: what the row says and which buttons act on it. The compiler checks every kind has one. */
export const ROWS: Renderers = {
  'status.consultation': (r, { zone }) => ({
    text: `**Consultatie:** ${r.title}`,
    detail: r.deadline ? `Reageer uiterlijk ${dutchDate(r.deadline, zone)}. Een toelichting geef je op de kaart in het teamkanaal.` : 'Een toelichting geef je op de kaart in het teamkanaal.',
    buttons: [
      act('Akkoord', 'status.respond', { changeId: r.changeId, answer: 'akkoord' }, 'positive'),
      act('Zorgen', 'status.respond', { changeId: r.changeId, answer: 'zorgen' }),
      act('Opmerking', 'status.respond', { changeId: r.changeId, answer: 'opmerking' }),
    ],
  }),
  'status.announcement': (r) => ({
    text: `**${KIND_TITLE[r.announcement]}:** ${r.title}`,
    detail: 'Nog niet als gelezen gemarkeerd.',
    buttons: [act('Gelezen', 'status.read', { announcementId: r.announcementId }, 'positive'), open('Lezen', 'status.announcement', { announcementId: r.announcementId })],
  }),
  'status.decision': (r) => ({
    text: `**Besluit nodig:** ${r.title}`,
    detail: r.state === 'awaiting_confirmation' ? 'Wacht op bevestiging door een tweede MT-lid.' : 'De consultatie is gesloten of overgeslagen: het voorstel kan besloten worden.',
    buttons: [open('Besluit openen', 'status.decision', { changeId: r.changeId })],
  }),
  'caseload.offerToAccept': (r) => ({
    text: `**${r.helperName || 'Een collega'} biedt hulp aan** bij ${r.forOwner ? '' : 'je '}hulpvraag H-${r.requestId}`,
    detail: `${casussen(r.caseCount)} · wacht op ${r.forOwner ? 'akkoord' : 'jouw akkoord'}`,
    buttons: [act('Accepteren', 'caseload.accept', { requestId: r.requestId, offerId: r.offerId }, 'positive'), open('Hulpvraag bekijken', 'caseload.refresh', { requestId: r.requestId })],
  }),
  'caseload.ownRequest': (r) => ({
    text: `**Jouw hulpvraag H-${r.requestId}:** ${HELP_KINDS[r.helpKind]}`,
    detail: `${STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status} · ${r.offeredCases} van ${casussen(r.caseCount)} aangeboden`,
    buttons: [
      ...(r.status === 'toegewezen' ? [act('Afronden', 'caseload.complete', { requestId: r.requestId }, 'positive')] : []),
      act('Intrekken', 'caseload.withdraw', { requestId: r.requestId }, 'destructive'),
      open('Bekijken', 'caseload.refresh', { requestId: r.requestId }),
    ],
  }),
  'caseload.teamRequest': (r) => ({
    text: `**${r.requesterName || 'Een collega'} zoekt hulp** (H-${r.requestId}): ${HELP_KINDS[r.helpKind]}`,
    detail: `${URGENCIES[r.urgency]} · nog ${casussen(r.casesLeft)} open`,
    buttons: [
      act('Ik help met 1 casus', 'caseload.offer', { requestId: r.requestId, amount: 1 }, 'positive'),
      ...(r.casesLeft > 1 ? [act(`Ik help met alle ${r.casesLeft}`, 'caseload.offer', { requestId: r.requestId, amount: r.casesLeft })] : []),
      open('Bekijken', 'caseload.refresh', { requestId: r.requestId }),
    ],
  }),
  'caseload.ownOffer': (r) => ({
    text: `**Jouw aanbod** bij hulpvraag H-${r.requestId} van ${r.requesterName || 'een collega'}`,
    detail: `${casussen(r.caseCount)} · ${r.status === 'accepted' ? 'geaccepteerd: stem de overdracht af' : 'wacht op acceptatie'}`,
    buttons: [
      ...(r.status === 'offered' ? [act('Mijn aanbod intrekken', 'caseload.withdrawOffer', { requestId: r.requestId }, 'destructive')] : []),
      open('Bekijken', 'caseload.refresh', { requestId: r.requestId }),
    ],
  }),
  'caseload.escalated': (r, { office }) => {
    const team = office.regioteams.find((t) => t.id === r.regioteam);
    return {
      text: `**Geëscaleerd:** hulpvraag H-${r.requestId} van ${r.requesterName || 'een collega'}`,
      detail: `${team?.name ?? r.regioteam} · ${HELP_KINDS[r.helpKind]} · ${casussen(r.caseCount)} · nog geen geaccepteerde hulp`,
      buttons: [open('Bekijken', 'caseload.refresh', { requestId: r.requestId }), open('Werkdruk van het team', 'menu.open', { command: `werkdruk team ${r.regioteam}` })],
    };
  },
  'monitoring.item': (r, { office, zone }) => {
    const kind = findKind(office.monitoringRules, r.itemKind);
    const stage = kind?.stages.find((s) => s.id === r.stage);
    const offered = new Set(kind?.actions ?? []);
    const due = r.dueOn ? `termijn ${r.overdue ? 'verlopen op' : 'op'} ${dutchDate(r.dueOn, zone)}` : 'geen termijn gepland';
    return {
      text: `**${r.caseReference}** · ${kind?.label ?? r.itemKind}`,
      detail: [stage?.text, due, r.handedOverBy !== null ? `aan ${r.forOwner?.ownerName ?? 'jou'} overgedragen${r.handedOverBy ? ` door ${r.handedOverBy}` : ''}` : ''].filter(Boolean).join(' · '),
      buttons: [
        ...(offered.has('hulp-gestart') ? [act('Hulp gestart', 'monitoring.close', { itemId: r.itemId, outcome: 'hulp-gestart' }, 'positive')] : []),
        ...(offered.has('overleg-vastgelegd') ? [act('Overleg vastgelegd', 'monitoring.meeting', { itemId: r.itemId })] : []),
        ...(offered.has('afgerond') ? [act('Afgerond', 'monitoring.close', { itemId: r.itemId, outcome: 'afgerond' })] : []),
        open('Openen', 'monitoring.open', { itemId: r.itemId }),
      ],
    };
  },
  'mdo.upcoming': (r, { office, zone }) => ({
    text: `**${meetingName({ mdo_type: r.mdoType, detail: r.detail }, office.mdoCatalogue)}** · ${dutchWhen(new Date(r.meetingAt), zone)}`,
    detail: r.decided ? `Besluit: ${OUTCOME_LABEL[r.outcome as MdoOutcome] ?? r.outcome}` : `Nog geen besluit (advies: ${OUTCOME_LABEL[r.outcome as MdoOutcome] ?? r.outcome})`,
    buttons: r.decided
      ? [open('Openen, wijzigen of bericht', 'mdo.open', { id: r.decisionId }), act('Annuleren', 'mdo.cancel', { id: r.decisionId }, 'destructive')]
      : [open('Besluiten', 'mdo.open', { id: r.decisionId })],
  }),
  'upcoming.change': (r, { zone }) => ({
    text: `**Vanaf ${dutchDate(r.startDate, zone)}:** ${r.title}`,
    detail: [r.endDate ? `verwacht tot ${dutchDate(r.endDate, zone)}` : 'tot nader order', ...shortList(r.changes.map(describeDiff))].join(' · '),
    buttons: [open('Openen', 'status.announcement', { announcementId: r.announcementId })],
  }),
};

/** The first lines of a list and how many more: a row stays one or two lines on the card. */
function shortList(lines: string[], shown = 3): string[] {
  return lines.length > shown ? [...lines.slice(0, shown), `en nog ${lines.length - shown}`] : lines;
}
