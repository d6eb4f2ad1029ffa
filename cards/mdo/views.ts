import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import { meetingName } from '../../config/mdo-catalogue';
import type { Office } from '../../config/office';
import { CATEGORY_LABEL, CATEGORY_TEXT, MDO_OUTCOMES, OUTCOME_LABEL, type MdoCategory, type MdoOutcome } from '../../config/mdo-labels';
import { messageMailto, messageParagraphs, organiserMessage } from './organiser-message';
import type { MdoReminderData } from '../../services/mdo/posts';
import type { FormProblem } from '../../services/validation';
import type { MdoDecisionRow } from '../../services/mdo/store';
import type { MdoSender, StoodInMdos, TeamMdoFigures } from '../../services/mdo/actions';
import type { OnBehalfLine } from '../../services/absence/types';
import { dutchDate } from '../../lib/dates';
import type { Fact, MdoAdviceCardData, MdoDecidedCardData, MdoListButton, MdoOverviewCardData, MdoReminderCardData } from './cards';

/** Turns stored MDO decisions into the cards' data: Dutch dates, labels and facts. */
export const dutchWhen = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone(zone) }).setLocale('nl').toFormat("cccc d LLLL yyyy 'om' HH:mm");

const shortWhen = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone: timeZone(zone) }).setLocale('nl').toFormat('ccc d LLL, HH:mm');

type MeetingFacts = Pick<MdoDecisionRow, 'mdo_type' | 'detail' | 'meeting_at' | 'organiser' | 'case_refs'>;

function meetingFacts(row: MeetingFacts, office: Office, zone: string): Fact[] {
  const list: Fact[] = [
    { title: 'Overleg', value: meetingName(row, office.mdoCatalogue) },
    { title: 'Wanneer', value: dutchWhen(row.meeting_at, zone) },
    { title: 'Organisator', value: row.organiser },
  ];
  if (row.case_refs.length) list.push({ title: 'Casusnummer(s)', value: row.case_refs.join(', ') });
  return list;
}

function facts(row: MdoDecisionRow, office: Office, zone: string): Fact[] {
  const list = meetingFacts(row, office, zone);
  const change = row.ring_state.activeChange;
  list.push({ title: 'Kern en ringen', value: change ? `Statusaanpassing "${change.title}"` : 'Geen statusaanpassing: alles normaal' });
  return list;
}

const STYLE: Record<MdoOutcome, MdoAdviceCardData['style']> = {
  'juridische-toets': 'warning',
  'niet-deelnemen': 'attention',
  schriftelijk: 'emphasis',
  vertegenwoordigen: 'emphasis',
  online: 'good',
  fysiek: 'good',
};

export function adviceCardData(
  row: MdoDecisionRow,
  office: Office,
  zone: string,
  extra: { notice?: string; problems?: FormProblem[]; overrideOpen?: boolean; override?: { outcome: string; reason: string }; reminder?: boolean } = {},
): MdoAdviceCardData {
  const advice = row.advice;
  return {
    id: String(row.id),
    outcomeLabel: OUTCOME_LABEL[advice.outcome],
    style: STYLE[advice.outcome],
    categoryLabel: CATEGORY_LABEL[advice.category],
    categoryText: CATEGORY_TEXT[advice.category],
    facts: facts(row, office, zone),
    reasons: advice.reasons.map((text) => ({ text })),
    outcomes: MDO_OUTCOMES.filter((o) => o !== advice.outcome).map((o) => ({ title: OUTCOME_LABEL[o], value: o })),
    override: extra.override ?? { outcome: '', reason: '' },
    reminder: extra.reminder ? 'true' : 'false',
    notice: extra.notice ?? '',
    overrideOpen: extra.overrideOpen ?? false,
    problems: extra.problems ?? [],
  };
}

const OWN_LIST: MdoListButton = { title: "Mijn MDO's", person: '' };
/** The button to the MDO list: the absent owner's, when the reader handles their MDO for them. */
const listButton = (owner?: { name: string; aad: string }): MdoListButton => (owner ? { title: `MDO's van ${owner.name}`, person: owner.aad } : OWN_LIST);

/** The organiser message as text to copy, as readable paragraphs and as a ready e-mail. */
const organiserParts = (message: string, meeting: string) => ({
  organiserMessage: message,
  organiserParagraphs: messageParagraphs(message),
  organiserMailto: messageMailto(`Deelname RBL: ${meeting}`, message),
});

/** The decision as the actor reads it: theirs, or (a stand-in) the absent owner's, handled namens them. */
export function decidedCardData(row: MdoDecisionRow, office: Office, zone: string, sender: MdoSender, notice = ''): MdoDecidedCardData {
  const final = row.final_outcome ?? row.advised_outcome;
  const owner = sender.onBehalfOf;
  const followed = owner ? `Namens ${owner}: het besluit volgt het advies.` : 'Je volgt het advies.';
  const deviates = owner ? `Namens ${owner}: het besluit wijkt af van het advies` : 'Je wijkt af van het advies';
  const decisionLine = row.overridden
    ? `${deviates} (${OUTCOME_LABEL[row.advised_outcome]}). Reden: ${row.override_reason ?? ''}`
    : `${followed} Prioriteit: ${CATEGORY_LABEL[row.advice.category]}.`;
  const reminderLine = row.reminder_at
    ? `Je krijgt op ${dutchWhen(row.reminder_at, zone)} een herinnering.`
    : final === 'online' || final === 'fysiek'
      ? 'Geen herinnering ingepland.'
      : `${owner ? `${owner} neemt` : 'Je neemt'} niet zelf deel; er komt geen herinnering.`;
  return {
    id: row.id,
    outcomes: MDO_OUTCOMES.filter((o) => o !== final).map((o) => ({ title: OUTCOME_LABEL[o], value: o })),
    finalLabel: OUTCOME_LABEL[final],
    decisionLine,
    notice,
    facts: facts(row, office, zone),
    reminderLine,
    list: listButton(owner ? { name: owner, aad: row.owner_aad } : undefined),
    ...organiserParts(organiserMessage({
      meetingName: meetingName(row, office.mdoCatalogue),
      when: dutchWhen(row.meeting_at, zone),
      outcome: final,
      declineGround: row.overridden ? undefined : row.advice.declineGround,
      senderName: sender.name,
      onBehalfOf: owner,
      organiser: row.organiser,
    }), `${meetingName(row, office.mdoCatalogue)}, ${dutchWhen(row.meeting_at, zone)}`),
  };
}

/**
 * The reminder; when it reached a stand-in (`onBehalfOf`, the delivery's "namens" line), it says
 * who decided and its list button opens the absent owner's MDOs (specs queued before `ownerAad`: their own).
 */
export function reminderCardData(reminder: MdoReminderData, office: Office, zone: string, onBehalfOf?: OnBehalfLine): MdoReminderCardData {
  const meeting = {
    mdo_type: reminder.mdoType,
    detail: reminder.detail,
    meeting_at: new Date(reminder.meetingAt),
    organiser: reminder.organiser,
    case_refs: reminder.caseRefs,
  };
  const forOwner = onBehalfOf && onBehalfOf.via !== 'nobody' && reminder.ownerAad ? { name: onBehalfOf.ownerName, aad: reminder.ownerAad } : undefined;
  return {
    meeting: meetingName(meeting, office.mdoCatalogue),
    decidedLine: `${forOwner ? `${forOwner.name} heeft` : 'Je hebt'} besloten: **${OUTCOME_LABEL[reminder.finalOutcome]}**.`,
    facts: meetingFacts(meeting, office, zone),
    list: listButton(forOwner),
  };
}

const upcomingRows = (rows: MdoDecisionRow[], office: Office, zone: string) =>
  rows.map((row) => ({
    when: shortWhen(row.meeting_at, zone),
    meeting: meetingName(row, office.mdoCatalogue),
    status: row.status === 'decided'
      ? `${OUTCOME_LABEL[row.final_outcome!]}${row.overridden ? ' (afwijkend van het advies)' : ''}`
      : `Nog geen besluit (advies: ${OUTCOME_LABEL[row.advised_outcome]})`,
  }));

const NO_TEAM: MdoOverviewCardData['team'] = { show: false, title: '', period: '', totals: [], byType: [], byCategory: [], byOutcome: [], hoursNote: '' };

/** "MDO's van Sanne Bakker (jij vervangt)": the absent owner's MDOs within the absence, for their stand-in. */
export function stoodInOverviewCardData(stood: StoodInMdos, office: Office, zone: string): MdoOverviewCardData {
  const { ownerName: name, until } = stood;
  const period = until ? `${name} is afwezig tot en met ${dutchDate(until, zone)}; MDO's daarna wachten op ${name} zelf.` : `${name} is afwezig; een einddatum is nog niet bekend.`;
  return {
    title: `MDO's van ${name} (jij vervangt)`,
    intro: `${period} Open een MDO vanuit je takenlijst (typ **taken**) om het besluit te bekijken of te wijzigen.`,
    emptyText: `Er staan geen MDO's van ${name} binnen de afwezigheid.`,
    forOwner: true,
    upcoming: upcomingRows(stood.upcoming, office, zone),
    team: NO_TEAM,
  };
}

export function overviewCardData(mine: { upcoming: MdoDecisionRow[]; team?: TeamMdoFigures }, office: Office, zone: string): MdoOverviewCardData {
  const { upcoming: rows, team } = mine;
  const teamNames = team?.regioteams?.map((id) => office.regioteams.find((t) => t.id === id)?.name ?? id).join(', ');
  const typeName = (id: string) => office.mdoCatalogue.find((t) => t.id === id)?.name ?? id;
  const sorted = (map: Record<string, number>, label: (k: string) => string): Fact[] =>
    Object.entries(map).sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ title: label(k), value: String(n) }));
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone(zone) }).setLocale('nl').toFormat('d LLLL yyyy');
  return {
    title: "Mijn komende MDO's",
    intro: '',
    emptyText: "Je hebt geen komende MDO's vastgelegd. Typ **mdo** om een overleg af te wegen.",
    forOwner: false,
    upcoming: upcomingRows(rows, office, zone),
    team: team
      ? {
          show: true,
          title: `MDO-besluiten ${teamNames ?? 'alle regioteams'}`,
          period: `Overleggen van ${day(team.from)} tot ${day(team.to)} (evaluatieperiode)`,
          totals: [
            { title: 'Besluiten', value: String(team.summary.total) },
            { title: 'Advies niet gevolgd', value: String(team.summary.overridden) },
            { title: 'Geschatte uren bespaard', value: String(team.summary.hoursSaved).replace('.', ',') },
          ],
          byType: sorted(team.summary.byType, typeName),
          byCategory: sorted(team.summary.byCategory, (k) => CATEGORY_LABEL[k as MdoCategory] ?? k),
          byOutcome: sorted(team.summary.byOutcome, (k) => OUTCOME_LABEL[k as MdoOutcome] ?? k),
          hoursNote:
            'Uren bespaard: de geschatte duur van elk overleg waaraan niet zelf is deelgenomen (niet deelnemen, schriftelijke inbreng, laten vertegenwoordigen) plus de reistijd bij online in plaats van fysiek deelnemen.',
        }
      : NO_TEAM,
  };
}
