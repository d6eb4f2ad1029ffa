import { digestCountsText } from '../../config/monitoring-labels';
import { findKind, type MonitoringKind } from '../../config/monitoring-rules';
import type { Office } from '../../config/office';
import { dutchDate, isoDay, localDay, parseIsoDay } from '../../lib/dates';
import type { Actor } from '../../services/authz';
import type { DigestLine, DigestSnapshot, ItemSnapshot, MonitoringOverview, OwnItem } from '../../services/monitoring/types';
import type { FormProblem } from '../../services/validation';
import type { RenderContext } from '../registry';
import { OUTCOME, STAGE_STATE } from './labels';
import { mentionOf, type Mention } from '../mentions';

/** View models: monitoring's domain data → the data its templates need (Dutch, dates formatted). */

export interface Choice {
  title: string;
  value: string;
}

export interface ItemCardData {
  itemId: number;
  kindLabel: string;
  caseReference: string;
  /** 'warning' for open, 'good' for closed, 'attention' when late or escalated. */
  headerStyle: 'emphasis' | 'good' | 'attention' | 'warning';
  statusText: string;
  /** The stage that asks for action now, with its date; empty when closed. */
  currentText: string;
  lateNote: string;
  note: string;
  ownerName: string;
  teamName: string;
  anchorLabel: string;
  anchorDate: string;
  stages: Array<{ due: string; text: string; state: string }>;
  actions: { hulpGestart: boolean; afgerond: boolean; verlengen: boolean; overdragen: boolean; escaleren: boolean; overleg: boolean };
  colleagues: Choice[];
  /** Earliest date the "Verlengen" date picker offers (tomorrow). */
  minDate: string;
  /** "Verlengen" shown open with what was typed (it came back with problems), not behind its button. */
  extend: { open: boolean; newDate: string; reason: string };
  problems: FormProblem[];
}

export interface DigestCardData {
  teamName: string;
  dateText: string;
  summaryText: string;
  sections: Array<{ title: string; color: 'Default' | 'Attention' | 'Warning'; groups: Array<{ owner: string; lines: Array<{ text: string }> }> }>;
  /** Consulenten with stages overdue or due today: @mentioned in the channel (their own deadlines wait for them). */
  mentions: Mention[];
}

export interface StartCardData {
  message: string;
  /** Which date each kind asks for, one line per kind. */
  dateHints: Array<{ text: string }>;
  /** `mark` is "vandaag" or "te laat" (shown in colour) or ''. */
  items: Array<{ itemId: number; due: string; mark: string; markColor: 'Attention' | 'Accent' | 'Default'; text: string }>;
  kinds: Choice[];
  owners: Choice[];
  teams: Choice[];
  /** What the form shows: the defaults, or what was sent when it comes back with problems. */
  values: { kind: string; caseReference: string; date: string; owner: string; regioteam: string };
  problems: FormProblem[];
}

export interface EvaluationCardData {
  dateText: string;
  weeks: number;
}

const teamName = (office: Office, id: string) => office.regioteams.find((t) => t.id === id)?.name ?? id;
const kindLabel = (kind: MonitoringKind | undefined, id: string) => kind?.label ?? id;
const stageRule = (kind: MonitoringKind | undefined, stage: string) => kind?.stages.find((s) => s.id === stage);

/** What a stage that is no longer needed says: why, and since when. */
function stageState(s: ItemSnapshot['stages'][number], item: ItemSnapshot, zone: string): string {
  if (s.late) return 'te laat gemeld';
  if (s.status !== 'cancelled' || item.status !== 'closed') return STAGE_STATE[s.status];
  const how = item.outcome === 'afgerond' ? 'afgerond' : 'afgesloten';
  return item.closedAt ? `niet meer nodig — ${how} op ${dutchDate(isoDay(localDay(new Date(item.closedAt), zone)), zone)}` : `niet meer nodig — ${how}`;
}

/** A "Verlengen" that came back: what was typed and what to fix. */
export interface ExtendInput {
  values: Record<string, unknown>;
  problems: FormProblem[];
}

const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 1000) : '');

/** One item: its current deadline, all stages and the actions its rule offers now. */
export function itemView(item: ItemSnapshot, { office, zone }: RenderContext, extend?: ExtendInput): ItemCardData {
  const { today } = item;
  const date = (iso: string) => dutchDate(iso, zone);
  const kind = findKind(office.monitoringRules, item.kind);
  const stageText = (id: string) => stageRule(kind, id)?.text ?? id;
  const current = item.stages.find((s) => s.stage === item.currentStage);
  const offered = new Set(item.status === 'open' ? kind?.actions ?? [] : []);
  const overdue = !!current && current.dueOn < today;
  return {
    itemId: item.id,
    kindLabel: kindLabel(kind, item.kind),
    caseReference: item.caseReference,
    headerStyle: item.status === 'closed' ? 'good' : current?.late || overdue || item.escalated ? 'attention' : 'warning',
    statusText:
      item.status === 'closed'
        ? OUTCOME[item.outcome ?? ''] ?? 'Afgesloten.'
        : current
          ? `Open · termijn ${overdue ? 'verlopen op' : 'op'} ${date(current.dueOn)}`
          : 'Open · geen termijnen meer gepland',
    currentText: current ? stageText(current.stage) : '',
    lateNote: current?.late ? `Te laat gemeld: deze termijn viel op ${date(current.dueOn)} terwijl Wendbaar geen herinneringen kon sturen.` : '',
    note: [
      item.meetingRecorded ? 'Het overleg is vastgelegd.' : '',
      item.escalated ? 'Geëscaleerd naar de teamleider.' : '',
      current && current.round > 0 ? `Verlengd tot ${date(current.dueOn)}.` : '',
    ].filter(Boolean).join(' '),
    ownerName: item.ownerName || 'onbekend',
    teamName: teamName(office, item.regioteam),
    anchorLabel: kind?.anchorLabel ?? 'Datum',
    anchorDate: date(item.anchorDate),
    stages: item.stages.map((s) => ({ due: date(s.dueOn), text: stageText(s.stage), state: stageState(s, item, zone) })),
    actions: {
      hulpGestart: offered.has('hulp-gestart'),
      afgerond: offered.has('afgerond'),
      verlengen: offered.has('verlengen'),
      overdragen: offered.has('overdragen') && item.colleagues.length > 0,
      escaleren: offered.has('escaleren') && !item.escalated,
      overleg: offered.has('overleg-vastgelegd') && !item.meetingRecorded,
    },
    colleagues: item.colleagues.map((p) => ({ title: p.name, value: p.aad })),
    minDate: isoDay(parseIsoDay(today, zone).plus({ days: 1 })),
    extend: { open: !!extend && offered.has('verlengen'), newDate: text(extend?.values.newDate), reason: text(extend?.values.reason) },
    problems: extend?.problems ?? [],
  };
}

/** A regioteam's digest: overdue, due today and later this week, per consulent alphabetically. */
export function digestView(digest: DigestSnapshot, { office, zone }: RenderContext): DigestCardData {
  const line = (r: DigestLine) => {
    const kind = findKind(office.monitoringRules, r.kind);
    const when = r.dueOn === digest.today ? '' : ` (${dutchDate(r.dueOn, zone)})`;
    return { text: `${r.caseReference} — ${kindLabel(kind, r.kind)}: ${stageRule(kind, r.stage)?.text ?? r.stage}${when}${r.late ? ' · te laat gemeld' : ''}` };
  };
  const mentions: Mention[] = [];
  const grouped = (list: DigestLine[], mustAct: boolean) => {
    const byOwner = new Map<string, DigestLine[]>();
    for (const r of list) {
      const name = r.ownerName || 'Onbekende consulent';
      const owner = r.standInName ? `${name} · afwezig, vervangen door ${r.standInName}` : name;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), r]);
    }
    return [...byOwner.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([owner, items]) => {
      const teamsId = items.find((r) => r.ownerTeamsId)?.ownerTeamsId;
      if (!mustAct || !teamsId || !items[0]!.ownerName) return { owner, lines: items.map(line) };
      const mention = mentionOf(owner, teamsId);
      mentions.push(mention);
      return { owner: mention.text, lines: items.map(line) };
    });
  };
  const { overdue, dueToday, upcoming } = digest;
  const sections: DigestCardData['sections'] = [];
  if (overdue.length) sections.push({ title: `Verlopen (${overdue.length})`, color: 'Attention', groups: grouped(overdue, true) });
  if (dueToday.length) sections.push({ title: `Vandaag (${dueToday.length})`, color: 'Warning', groups: grouped(dueToday, true) });
  // Later this week is information only: no mention.
  if (upcoming.length) sections.push({ title: `Later deze week (${upcoming.length})`, color: 'Default', groups: grouped(upcoming, false) });
  return {
    teamName: teamName(office, digest.regioteam),
    dateText: dutchDate(digest.today, zone),
    summaryText: digestCountsText({ dueToday: dueToday.length, upcoming: upcoming.length, overdue: overdue.length }),
    sections,
    mentions,
  };
}

/** The line that confirms a new item on the `monitoring` card. */
export const startedMessage = (caseReference: string, kind: MonitoringKind) =>
  `Monitoring gestart voor casus ${caseReference} (${kind.label.toLowerCase()}). Je krijgt een herinnering op elke termijn.`;

/** How a due date in the list is marked: due today, or past it. */
function dueMark(dueOn: string | null, today: string): Pick<StartCardData['items'][number], 'mark' | 'markColor'> {
  if (!dueOn || dueOn > today) return { mark: '', markColor: 'Default' };
  return dueOn === today ? { mark: 'vandaag', markColor: 'Accent' } : { mark: 'te laat', markColor: 'Attention' };
}

/** The new-item form as sent, when it comes back with problems. */
export interface StartFormInput {
  values: Record<string, unknown>;
  problems: FormProblem[];
}

/** The `monitoring` card: the actor's own open items by due date and the form for a new one. */
export function startView(overview: MonitoringOverview, actor: Actor, { office, zone }: RenderContext, message = '', form?: StartFormInput): StartCardData {
  const kinds = office.monitoringRules.kinds;
  const itemText = (item: OwnItem) => {
    const kind = findKind(office.monitoringRules, item.kind);
    const stage = item.stage ? stageRule(kind, item.stage) : undefined;
    return `${item.caseReference} · ${kindLabel(kind, item.kind)}${stage ? `: ${stage.text}` : ''}`;
  };
  const sent = form?.values ?? {};
  return {
    message,
    dateHints: kinds.map((k) => ({ text: `${k.label}: ${k.anchorLabel.toLowerCase()}` })),
    items: overview.items.map((item) => ({
      itemId: item.id,
      due: item.dueOn ? dutchDate(item.dueOn, zone) : '—',
      ...dueMark(item.dueOn, overview.today),
      text: itemText(item),
    })),
    kinds: kinds.map((k) => ({ title: k.label, value: k.id })),
    owners: [{ title: `${actor.name || 'Ik'} (ik)`, value: actor.aadObjectId }, ...overview.colleagues.map((p) => ({ title: p.name, value: p.aad }))],
    teams: office.regioteams.map((t) => ({ title: t.name, value: t.id })),
    values: {
      kind: text(sent.kind),
      caseReference: text(sent.caseReference),
      date: text(sent.date),
      owner: text(sent.owner) || actor.aadObjectId,
      regioteam: text(sent.regioteam) || overview.regioteam,
    },
    problems: form?.problems ?? [],
  };
}

/** The reminder to MT and beleid ahead of a half-yearly evaluation. */
export const evaluationView = (d: { evaluationDate: string; leadWeeks: number }, { zone }: RenderContext): EvaluationCardData =>
  ({ dateText: dutchDate(d.evaluationDate, zone), weeks: d.leadWeeks });
