import type {
  AnnouncementCardData,
  ConsultationCardData,
  DecisionCardData,
  ExpiryCardData,
  Fact,
  HistoryCardData,
  PreviewCardData,
  ResponsesCardData,
  StatusCardData,
  TextColor,
  UnreadCardData,
} from '../../cards/status';
import type { Office } from '../../config/office';
import { EXECUTION_STATUS_LABEL, EXECUTION_STATUS_TEXT, type ExecutionStatus, type RingModel } from '../../config/rings';
import { dutchDate } from '../../lib/dates';
import { REASON_CATEGORIES, describeDiff, diffStatuses, type TaskStatuses } from './model';
import type { AnnouncementRow, ChangeRow, ResponseCounts, ResponseRow } from './store';

/** Turns stored rows into the data of the status cards (Dutch texts live here and in the templates). */

export const statusColor = (s: ExecutionStatus): TextColor =>
  s === 'niet' ? 'Attention' : s === 'soberder' ? 'Warning' : s === 'intensiever' ? 'Accent' : 'Default';

export const reasonLabel = (c: Pick<ChangeRow, 'reasonCategory'>) =>
  REASON_CATEGORIES[c.reasonCategory as keyof typeof REASON_CATEGORIES] ?? c.reasonCategory;

export const deciderNames = (c: Pick<ChangeRow, 'decidedBy'>) => c.decidedBy.map((d) => d.name).join(' en ') || '—';

export function period(c: Pick<ChangeRow, 'startDate' | 'endDate'>): string {
  return `${dutchDate(c.startDate)} – ${c.endDate ? `${dutchDate(c.endDate)} (verwacht)` : 'tot nader order'}`;
}

export function changeLines(model: RingModel, before: TaskStatuses, after: TaskStatuses): string[] {
  const lines = diffStatuses(model, before, after).map(describeDiff);
  return lines.length > 0 ? lines : ['Geen wijzigingen in de uitvoering.'];
}

const why = (c: ChangeRow) => `${reasonLabel(c)}${c.reason ? `: ${c.reason}` : ''}`;

function proposalFacts(c: ChangeRow): Fact[] {
  const facts: Fact[] = [
    { title: 'Waarom', value: why(c) },
    { title: 'Periode', value: period(c) },
    { title: 'Praktijk', value: c.practiceImpact ?? '—' },
  ];
  if (c.partnerText) facts.push({ title: 'Voor partners', value: c.partnerText });
  return facts;
}

export function statusView(
  model: RingModel,
  state: { tasks: TaskStatuses; change?: ChangeRow; lapsedFrom?: ChangeRow },
): StatusCardData {
  const c = state.change;
  const facts: Fact[] = c
    ? [
        { title: 'Sinds', value: dutchDate(c.startDate) },
        { title: 'Tot', value: c.endDate ? `${dutchDate(c.endDate)} (verwacht)` : 'tot nader order' },
        { title: 'Waarom', value: why(c) },
        { title: 'Besloten door', value: deciderNames(c) },
      ]
    : [];
  const headline = c
    ? c.kind === 'end'
      ? `${c.title}: de uitvoering is terug naar de stand van vóór de aanpassing.`
      : `Statusaanpassing "${c.title}" is van kracht.`
    : state.lapsedFrom
      ? `De statusaanpassing "${state.lapsedFrom.title}" is afgelopen; de uitvoering is terug naar de stand daarvoor.`
      : 'Alle taken worden normaal uitgevoerd; er is geen statusaanpassing van kracht.';
  const used = [...new Set(Object.values(state.tasks))].filter((s) => s !== 'normaal');
  return {
    headline,
    headerStyle: c && c.kind === 'change' ? 'warning' : 'emphasis',
    facts,
    rings: model.rings.map((ring) => ({
      name: ring.name,
      description: ring.description,
      tasks: model.tasks
        .filter((t) => t.ring === ring.id)
        .map((t) => {
          const s = state.tasks[t.id] ?? 'normaal';
          return { name: t.shadowOf ? `${t.name} (schaduwtaak)` : t.name, label: EXECUTION_STATUS_LABEL[s], color: statusColor(s) };
        }),
    })),
    footnote: used.length > 0 ? used.map((s) => `${EXECUTION_STATUS_LABEL[s]}: ${EXECUTION_STATUS_TEXT[s]}`).join(' ') : EXECUTION_STATUS_TEXT.normaal,
  };
}

export function previewView(model: RingModel, c: ChangeRow, office: Office, deadline: string, linkedTeams: string[]): PreviewCardData {
  const rows = model.tasks.map((t) => {
    const before = c.previousTasks[t.id] ?? 'normaal';
    const after = c.tasks[t.id] ?? 'normaal';
    const changed = before !== after;
    return {
      task: t.name,
      before: EXECUTION_STATUS_LABEL[before],
      after: EXECUTION_STATUS_LABEL[after],
      beforeColor: statusColor(before),
      afterColor: statusColor(after),
      weight: changed ? ('Bolder' as const) : ('Default' as const),
    };
  });
  const channels = office.regioteams.filter((r) => linkedTeams.includes(r.id)).map((r) => ({ title: r.name, value: r.id }));
  return {
    changeId: c.id,
    title: c.title,
    rows,
    changed: diffStatuses(model, c.previousTasks, c.tasks).length > 0,
    facts: proposalFacts(c),
    deadline,
    channels,
    allChannels: channels.map((ch) => ch.value).join(','),
  };
}

export function consultationView(model: RingModel, c: ChangeRow, counts: ResponseCounts, ownAnswer = ''): ConsultationCardData {
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
      ? `Het MT (${c.proposedByName}) vraagt je reactie vóór ${dutchDate(c.consultationDeadline ?? c.startDate)}. Iedereen kan reageren: akkoord, zorgen of een opmerking.`
      : closedText,
    changes: changeLines(model, c.previousTasks, c.tasks),
    facts: proposalFacts(c),
    akkoord: String(counts.akkoord),
    zorgen: String(counts.zorgen),
    opmerking: String(counts.opmerking),
    open,
    ownAnswer,
  };
}

export function decisionView(model: RingModel, c: ChangeRow, counts: ResponseCounts, viewerAad: string, fourEyes: boolean): DecisionCardData {
  const consultation = c.consultationSkipped
    ? `Overgeslagen (spoed): ${c.consultationSkipped}`
    : c.consultationDeadline
      ? `Reageren tot ${dutchDate(c.consultationDeadline)} · ${counts.akkoord} akkoord, ${counts.zorgen} zorgen, ${counts.opmerking} opmerking`
      : '—';
  let stateText: string;
  let stepTitle = 'Stap 2 van 4: consultatie';
  switch (c.state) {
    case 'proposed':
      stateText = fourEyes
        ? 'Publiceren vraagt de bevestiging van een tweede MT-lid (vier-ogenprincipe).'
        : 'Publiceren maakt het besluit definitief en kondigt het aan in alle regioteams.';
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
    changes: changeLines(model, c.previousTasks, c.tasks),
    facts: [...proposalFacts(c), { title: 'Consultatie', value: consultation }],
    canPublish: c.state === 'proposed',
    publishTitle: fourEyes ? 'Publiceren (ter bevestiging)' : 'Publiceren',
    canConfirm: c.state === 'awaiting_confirmation' && c.firstDecider !== viewerAad,
  };
}

const ANSWER_LABEL: Record<ResponseRow['answer'], { label: string; color: TextColor }> = {
  akkoord: { label: 'Akkoord', color: 'Good' },
  zorgen: { label: 'Zorgen', color: 'Warning' },
  opmerking: { label: 'Opmerking', color: 'Accent' },
};

export function responsesView(c: ChangeRow, rows: ResponseRow[], counts: ResponseCounts): ResponsesCardData {
  return {
    changeId: c.id,
    title: c.title,
    summary: `${rows.length} ${rows.length === 1 ? 'reactie' : 'reacties'}: ${counts.akkoord} akkoord, ${counts.zorgen} zorgen, ${counts.opmerking} opmerking.`,
    responses: rows.map((r) => ({ name: r.name, answerLabel: ANSWER_LABEL[r.answer].label, color: ANSWER_LABEL[r.answer].color, comment: r.comment ?? '' })),
  };
}

const KIND_TITLE: Record<AnnouncementRow['kind'], string> = {
  publish: 'Statusaanpassing besloten door het MT',
  extend: 'Statusaanpassing verlengd',
  end: 'Statusaanpassing beëindigd',
  lapse: 'Statusaanpassing loopt af',
};

export function announcementView(
  model: RingModel,
  c: ChangeRow,
  a: Pick<AnnouncementRow, 'id' | 'kind'>,
  reads: { read: number; audience: number },
  intro = '',
): AnnouncementCardData {
  const howLong =
    a.kind === 'end'
      ? `Per ${dutchDate(c.startDate)}`
      : a.kind === 'lapse'
        ? `Tot en met ${dutchDate(c.endDate ?? c.startDate)}; daarna geldt weer de stand van daarvoor`
        : period(c);
  const facts: Fact[] = [
    { title: 'Waarom', value: why(c) },
    { title: 'Hoe lang', value: howLong },
    { title: 'Besloten door', value: deciderNames(c) },
  ];
  const changes = a.kind === 'lapse' ? changeLines(model, c.tasks, c.previousTasks) : changeLines(model, c.previousTasks, c.tasks);
  return {
    announcementId: a.id,
    intro,
    kindTitle: KIND_TITLE[a.kind],
    headerStyle: a.kind === 'end' || a.kind === 'lapse' ? 'good' : 'warning',
    title: c.title,
    changes,
    facts,
    practiceImpact: c.practiceImpact ?? '—',
    partnerText: c.partnerText ?? '',
    readText: `${reads.read} van ${reads.audience} ${reads.audience === 1 ? 'collega heeft' : 'collega’s hebben'} dit gelezen`,
    showUnread: true,
  };
}

export function unreadView(c: ChangeRow, a: Pick<AnnouncementRow, 'id'>, unread: Array<{ name: string; regioteam: string }>, office: Office, read: number): UnreadCardData {
  const teamName = (id: string) => office.regioteams.find((r) => r.id === id)?.name ?? id;
  return {
    announcementId: a.id,
    title: c.title,
    summary: `${read} gelezen, ${unread.length} nog niet.`,
    unread: unread.map((u) => ({ name: u.name || 'Onbekend', team: teamName(u.regioteam) })),
  };
}

export function expiryView(c: ChangeRow, overdue: boolean, suggestedEnd: string): ExpiryCardData {
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

export function historyView(model: RingModel, changes: ChangeRow[], todayInForceId?: number): HistoryCardData {
  const items = [...changes].reverse().map((c) => {
    const state =
      c.id === todayInForceId
        ? { stateLabel: 'Van kracht', stateColor: 'Good' as TextColor }
        : c.state === 'ended'
          ? { stateLabel: 'Beëindigd', stateColor: 'Default' as TextColor }
          : { stateLabel: c.kind === 'end' ? 'Einde' : 'Besloten', stateColor: 'Default' as TextColor };
    return {
      title: c.title,
      ...state,
      period: period(c),
      reason: reasonLabel(c),
      decidedBy: deciderNames(c),
      changes: changeLines(model, c.previousTasks, c.tasks).join('; '),
    };
  });
  return { summary: `${items.length} ${items.length === 1 ? 'besluit' : 'besluiten'}, nieuwste eerst.`, items };
}
