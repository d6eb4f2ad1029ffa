import type { Office } from '../../config/office';
import { EXECUTION_STATUSES, EXECUTION_STATUS_LABEL, ringPresets, type RingModel } from '../../config/rings';
import { PER_TASK, REASON_CATEGORIES, deciderNames } from '../../config/status-labels';
import { dutchDate } from '../../lib/dates';
import type { FormProblem } from '../../services/validation';
import type {
  Announcement, AnnouncementRow, Answer, ChangeRow, Consultation, Decision, Expiry, Preview, ResponseCounts, ResponseRow,
} from '../../services/status/types';
import type {
  AnnouncementCardData, ConsultationCardData, DecisionCardData, ExpiryCardData, PreviewCardData, ProposalFormData, ResponsesCardData, UnreadCardData,
} from './cards';
import {
  ANNOUNCEMENT_INTRO, ANSWER_LABEL, KIND_TITLE, answeredText, changeLines, countWord, countsText, deadlineText, period, proposalFacts, reversed, statusColor, why, type AnnouncementIntro,
} from './labels';

/** The flow's cards' data from the feature's domain data: Dutch texts, labels and formatted dates. */

/**
 * The proposal form: presets or per task (kern tasks cannot be set to "niet"), with a suggested
 * period; when it comes back with problems, with what was sent and the per-task part open if used.
 */
export function proposalFormView(
  model: RingModel,
  period: { startDate: string; endDate: string },
  sent?: { values: Record<string, unknown>; problems: FormProblem[] },
): ProposalFormData {
  const v = (key: string, fallback = '') => (typeof sent?.values[key] === 'string' ? (sent.values[key] as string).slice(0, 1500) : fallback);
  const taskInputs = model.tasks.map((t) => ({
    inputId: `task_${t.id}`,
    label: `${t.name}${t.ring === 'kern' ? ' (kern)' : ''}`,
    value: v(`task_${t.id}`, 'normaal'),
    choices: EXECUTION_STATUSES.filter((s) => !(t.ring === 'kern' && s === 'niet')).map((s) => ({ title: EXECUTION_STATUS_LABEL[s], value: s })),
  }));
  return {
    preset: v('preset'),
    presets: [...ringPresets.map((p) => ({ title: `${p.name}: ${p.description}`, value: p.id })), { title: 'Per taak kiezen', value: PER_TASK }],
    taskInputs,
    reasonCategory: v('reasonCategory'),
    reasons: Object.entries(REASON_CATEGORIES).map(([value, title]) => ({ title, value })),
    reason: v('reason'),
    startDate: v('startDate', period.startDate),
    endDate: v('endDate', period.endDate),
    practiceImpact: v('practiceImpact'),
    partnerText: v('partnerText'),
    perTaskOpen: v('preset') === PER_TASK || taskInputs.some((t) => t.value !== 'normaal'),
    problems: sent?.problems ?? [],
  };
}

export function previewView(office: Office, { change: c, deadline, linkedTeams }: Preview): PreviewCardData {
  const rows = office.rings.tasks.map((t) => {
    const before = c.previousTasks[t.id] ?? 'normaal';
    const after = c.tasks[t.id] ?? 'normaal';
    return {
      task: t.name,
      before: EXECUTION_STATUS_LABEL[before],
      after: EXECUTION_STATUS_LABEL[after],
      beforeColor: statusColor(before),
      afterColor: statusColor(after),
      weight: before !== after ? ('Bolder' as const) : ('Default' as const),
    };
  });
  const channels = office.regioteams.filter((r) => linkedTeams.includes(r.id)).map((r) => ({ title: r.name, value: r.id }));
  return {
    changeId: c.id,
    title: c.title,
    rows,
    changed: c.changes.length > 0,
    facts: proposalFacts(c),
    deadline,
    channels,
    allChannels: channels.map((ch) => ch.value).join(','),
  };
}

/** The consultation card: in the channels, or (with `answered`) the answerer's own copy. */
export function consultationView({ change: c, counts, showResponses }: Consultation, answered?: Answer): ConsultationCardData {
  const open = c.state === 'proposed';
  const closedText =
    c.state === 'withdrawn'
      ? 'Dit voorstel is ingetrokken.'
      : c.state === 'awaiting_confirmation'
        ? 'De consultatie is gesloten; het besluit wacht op bevestiging door een tweede MT-lid.'
        : 'De consultatie is gesloten en het MT heeft besloten. Zie de aankondiging.';
  return {
    changeId: c.id,
    title: c.title,
    headerStyle: open ? 'emphasis' : 'good',
    intro: open
      ? `Het MT (${c.proposedByName}) vraagt je reactie. ${deadlineText(c.consultationDeadline ?? c.startDate)}. Iedereen kan reageren: akkoord, zorgen of een opmerking.`
      : closedText,
    changes: changeLines(c.changes),
    facts: proposalFacts(c),
    akkoord: String(counts.akkoord),
    zorgen: String(counts.zorgen),
    opmerking: String(counts.opmerking),
    zorgenLabel: countWord('zorgen', counts.zorgen),
    opmerkingLabel: countWord('opmerking', counts.opmerking),
    open,
    ownAnswer: answered ? answeredText(answered) : '',
    showResponses: !!showResponses,
  };
}

export function decisionView({ change: c, counts, viewerAad }: Decision): DecisionCardData {
  const consultation = c.consultationSkipped
    ? `Overgeslagen (spoed): ${c.consultationSkipped}`
    : c.consultationDeadline
      ? `${deadlineText(c.consultationDeadline)} · ${countsText(counts)}`
      : '—';
  let stateText: string;
  let stepTitle = c.consultationSkipped ? 'Stap 2 van 4: consultatie overgeslagen' : 'Stap 2 van 4: consultatie';
  switch (c.state) {
    case 'proposed':
      stateText = c.consultationSkipped
        ? 'Kies Publiceren om het besluit te controleren en te nemen.'
        : 'Deze kaart houdt de reacties bij. Kies Publiceren om de zorgen en opmerkingen te bekijken en te besluiten.';
      break;
    case 'awaiting_confirmation':
      stepTitle = 'Stap 3 van 4: besluit';
      stateText =
        c.firstDecider === viewerAad
          ? 'Je hebt gepubliceerd. Een tweede MT-lid moet bevestigen; daarna volgt de aankondiging.'
          : `${c.firstDeciderName ?? 'Een MT-lid'} wil dit besluit publiceren. Bevestig als tweede MT-lid (vier-ogenprincipe).`;
      break;
    case 'published':
    case 'ended':
      stepTitle = 'Stap 4 van 4: aankondiging';
      stateText = `Besloten door ${deciderNames(c)} en aangekondigd in de regioteams.`;
      break;
    default:
      stateText = 'Dit voorstel is ingetrokken.';
  }
  return {
    changeId: c.id,
    stepTitle,
    title: c.title,
    headerStyle: c.state === 'published' ? 'good' : c.state === 'awaiting_confirmation' ? 'warning' : 'emphasis',
    stateText,
    changes: changeLines(c.changes),
    facts: [...proposalFacts(c), { title: 'Consultatie', value: consultation }],
    canPublish: c.state === 'proposed',
    publishTitle: 'Publiceren…',
    canConfirm: c.state === 'awaiting_confirmation' && c.firstDecider !== viewerAad,
  };
}

export function responsesView({ change: c, rows, counts }: { change: Pick<ChangeRow, 'id' | 'title'>; rows: ResponseRow[]; counts: ResponseCounts }): ResponsesCardData {
  return {
    changeId: c.id,
    title: c.title,
    summary: `${rows.length} ${rows.length === 1 ? 'reactie' : 'reacties'}: ${countsText(counts)}.`,
    responses: rows.map((r) => ({ name: r.name, answerLabel: ANSWER_LABEL[r.answer].label, color: ANSWER_LABEL[r.answer].color, comment: r.comment ?? '' })),
  };
}

/** "1 van de 3 collega's heeft het gelezen": the verb agrees with the number that read it. */
export function readText(read: number, audience: number): string {
  if (audience === 1) return `${read} van 1 collega heeft het gelezen`;
  return `${read} van de ${audience} collega's ${read === 1 ? 'heeft' : 'hebben'} het gelezen`;
}

/** The announcement: the shared channel view, or one viewer's own (read already, MT). */
export function announcementView({ change: c, announcement: a, reads, viewer }: Announcement, intro: AnnouncementIntro = viewer?.outside ? 'outside' : viewer?.read ? 'read' : 'none'): AnnouncementCardData {
  const howLong =
    a.kind === 'end'
      ? `Per ${dutchDate(c.startDate)}`
      : a.kind === 'lapse'
        ? `Tot en met ${dutchDate(c.endDate ?? c.startDate)}; daarna geldt weer de stand van daarvoor`
        : period(c);
  return {
    announcementId: a.id,
    intro: ANNOUNCEMENT_INTRO[intro],
    kindTitle: KIND_TITLE[a.kind],
    headerStyle: a.kind === 'end' || a.kind === 'lapse' ? 'good' : 'warning',
    title: c.title,
    changes: changeLines(a.kind === 'lapse' ? reversed(c.changes) : c.changes),
    facts: [
      { title: 'Waarom', value: why(c) },
      { title: 'Hoe lang', value: howLong },
      { title: 'Besloten door', value: deciderNames(c) },
    ],
    practiceImpact: c.practiceImpact ?? '—',
    partnerText: c.partnerText ?? '',
    readText: readText(reads.read, reads.audience),
    apartText: reads.apartAudience ? `MT en beleid: ${reads.apartRead ?? 0} van ${reads.apartAudience === 1 ? '1' : `de ${reads.apartAudience}`} gelezen` : '',
    showRead: !viewer?.read && !viewer?.outside,
    showUnread: !!viewer?.mt,
  };
}

export function unreadView(
  office: Pick<Office, 'regioteams'>,
  d: { change: Pick<ChangeRow, 'title'>; announcement: Pick<AnnouncementRow, 'id'>; unread: Array<{ name: string; regioteam: string }>; read: number },
): UnreadCardData {
  const teamName = (id: string) => office.regioteams.find((r) => r.id === id)?.name ?? id;
  return {
    announcementId: d.announcement.id,
    title: d.change.title,
    summary: `${d.read} gelezen, ${d.unread.length} nog niet.`,
    unread: d.unread.map((u) => ({ name: u.name || 'Onbekend', team: teamName(u.regioteam) })),
  };
}

export function expiryView({ change: c, overdue, suggestedEnd }: Expiry): ExpiryCardData {
  return {
    changeId: c.id,
    heading: overdue ? 'Einddatum verstreken: kies wat er gebeurt' : 'Statusaanpassing loopt over een week af',
    headerStyle: overdue ? 'attention' : 'warning',
    title: c.title,
    text: overdue
      ? `De verwachte einddatum (${dutchDate(c.endDate!)}) is voorbij. De status blijft gelden tot het MT kiest: verlengen, nu beëindigen of laten aflopen.`
      : `De verwachte einddatum is ${dutchDate(c.endDate!)}. Verlengen, nu beëindigen (terug naar de stand van daarvoor) of laten aflopen?`,
    facts: [
      { title: 'Periode', value: period(c) },
      { title: 'Waarom', value: why(c) },
      { title: 'Besloten door', value: deciderNames(c) },
    ],
    suggestedEnd,
  };
}
