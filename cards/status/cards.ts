import announcementTemplate from './templates/announcement.json';
import type { FormProblem } from '../../services/validation';
import { withFormProblems } from '../form-problems';
import consultationTemplate from './templates/consultation.json';
import decisionTemplate from './templates/decision.json';
import expiryTemplate from './templates/expiry.json';
import exportTemplate from './templates/export.json';
import historyTemplate from './templates/history.json';
import proposalFormTemplate from './templates/proposal-form.json';
import publishCheckTemplate from './templates/publish-check.json';
import previewTemplate from './templates/preview.json';
import responsesTemplate from './templates/responses.json';
import statusTemplate from './templates/status.json';
import unreadTemplate from './templates/unread.json';
import { successCard } from '../notice';
import { renderTemplate, type AdaptiveCard } from '../render';
import { dutchDate } from '../../lib/dates';
import type { ChangeRow } from '../../services/status/types';

/** Typed builders of the statusaanpassing cards. views.ts assembles their data; the templates lay it out. */

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
/** Green and yellow text is unreadable on white in Teams (contrast < 2.5:1); the label text carries the meaning. */
const readable = (color: TextColor): TextColor => (color === 'Good' || color === 'Warning' ? 'Default' : color);

export type HeaderStyle = 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';
export interface Fact {
  title: string;
  value: string;
}
export interface Choice {
  title: string;
  value: string;
}

export interface StatusCardData {
  headline: string;
  headerStyle: HeaderStyle;
  facts: Fact[];
  /** Decided changes that have not started yet. */
  upcoming: Array<{ heading: string; changes: string[] }>;
  rings: Array<{ name: string; description: string; tasks: Array<{ name: string; label: string; color: TextColor }> }>;
  footnote: string;
}
export const statusCard = (data: StatusCardData) =>
  renderTemplate(statusTemplate, { ...data, rings: data.rings.map((r) => ({ ...r, tasks: r.tasks.map((t) => ({ ...t, color: readable(t.color) })) })) });

export interface ProposalFormData {
  preset: string;
  presets: Choice[];
  taskInputs: Array<{ inputId: string; label: string; value: string; choices: Choice[] }>;
  reasonCategory: string;
  reasons: Choice[];
  reason: string;
  startDate: string;
  endDate: string;
  practiceImpact: string;
  partnerText: string;
  /** The per-task choices shown open (chosen, or a task set away from normaal). */
  perTaskOpen: boolean;
  problems: FormProblem[];
}
export const proposalFormCard = (data: ProposalFormData) => withFormProblems(renderTemplate(proposalFormTemplate, data), data.problems);

export interface PreviewCardData {
  changeId: number;
  title: string;
  rows: Array<{ task: string; before: string; after: string; beforeColor: TextColor; afterColor: TextColor; weight: 'Default' | 'Bolder' }>;
  changed: boolean;
  facts: Fact[];
  deadline: string;
  channels: Choice[];
  allChannels: string;
}
export const previewCard = (data: PreviewCardData) =>
  renderTemplate(previewTemplate, { ...data, rows: data.rows.map((r) => ({ ...r, beforeColor: readable(r.beforeColor), afterColor: readable(r.afterColor) })) });

export interface ConsultationCardData {
  changeId: number;
  title: string;
  headerStyle: HeaderStyle;
  intro: string;
  changes: string[];
  facts: Fact[];
  /** Counts as text (templates keep numbers as numbers, TextBlock wants a string). */
  akkoord: string;
  zorgen: string;
  opmerking: string;
  /** "zorg"/"zorgen", "opmerking"/"opmerkingen": the word under each count agrees with it. */
  zorgenLabel: string;
  opmerkingLabel: string;
  open: boolean;
  /** Confirmation for the person who just answered; empty on the shared channel card. */
  ownAnswer: string;
  /** The MT's own view: a button to everyone's answers. */
  showResponses: boolean;
}

/** Universal Actions: Teams asks the bot for the card as each listed user should see it. */
function withViews(card: AdaptiveCard, verb: string, data: Record<string, unknown>, viewers: string[] | undefined): AdaptiveCard {
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  if (viewers && viewers.length > 0) card.refresh = { action: { type: 'Action.Execute', title: 'Vernieuwen', verb, data }, userIds: viewers };
  return card;
}

export const consultationCard = (data: ConsultationCardData, viewers?: string[]) =>
  withViews(renderTemplate(consultationTemplate, data), 'status.consultation', { changeId: data.changeId }, data.open ? viewers : undefined);

export interface DecisionCardData {
  changeId: number;
  stepTitle: string;
  title: string;
  headerStyle: HeaderStyle;
  stateText: string;
  changes: string[];
  facts: Fact[];
  canPublish: boolean;
  publishTitle: string;
  canConfirm: boolean;
}
export const decisionCard = (data: DecisionCardData) => renderTemplate(decisionTemplate, data);

export interface PublishCheckCardData {
  changeId: number;
  title: string;
  summary: string;
  /** The consultation deadline: still running (a warning) or passed; empty when it was skipped. */
  deadlineText: string;
  deadlinePending: boolean;
  remarks: Array<{ name: string; answerLabel: string; comment: string }>;
  /** Shown when there are no remarks; empty when the consultation was skipped. */
  noRemarks: string;
  publishTitle: string;
  publishText: string;
}
export const publishCheckCard = (data: PublishCheckCardData) => renderTemplate(publishCheckTemplate, data);

export interface ResponsesCardData {
  changeId: number;
  title: string;
  summary: string;
  responses: Array<{ name: string; answerLabel: string; color: TextColor; comment: string }>;
}
export const responsesCard = (data: ResponsesCardData) =>
  renderTemplate(responsesTemplate, { ...data, responses: data.responses.map((r) => ({ ...r, color: readable(r.color) })) });

export interface AnnouncementCardData {
  announcementId: number;
  /** Shown above the card in a reminder; empty otherwise. */
  intro: string;
  kindTitle: string;
  headerStyle: HeaderStyle;
  title: string;
  changes: string[];
  facts: Fact[];
  practiceImpact: string;
  partnerText: string;
  readText: string;
  /** MT and beleid, counted apart; empty when none are configured. */
  apartText: string;
  /** The "Gelezen" button: hidden for someone who read it. */
  showRead: boolean;
  /** The MT's own view: who has not read it yet. */
  showUnread: boolean;
}
export const announcementCard = (data: AnnouncementCardData, viewers?: string[]) =>
  withViews(renderTemplate(announcementTemplate, data), 'status.announcement', { announcementId: data.announcementId }, viewers);

export interface UnreadCardData {
  announcementId: number;
  title: string;
  summary: string;
  unread: Array<{ name: string; team: string }>;
}
export const unreadCard = (data: UnreadCardData) => renderTemplate(unreadTemplate, data);

export interface ExpiryCardData {
  changeId: number;
  heading: string;
  headerStyle: HeaderStyle;
  title: string;
  text: string;
  facts: Fact[];
  suggestedEnd: string;
}
export const expiryCard = (data: ExpiryCardData) => renderTemplate(expiryTemplate, data);

export interface HistoryCardData {
  summary: string;
  items: Array<{ title: string; stateLabel: string; stateColor: TextColor; period: string; reason: string; decidedBy: string; changes: string }>;
}
export const historyCard = (data: HistoryCardData) =>
  renderTemplate(historyTemplate, { ...data, items: data.items.map((i) => ({ ...i, stateColor: readable(i.stateColor) })) });

type Titled = Pick<ChangeRow, 'title' | 'endDate'>;

/** The answers to the MT member who withdrew, extended, ended or let a change lapse. */
export const withdrawnCard = (c: Titled) => successCard('Voorstel ingetrokken', `"${c.title}" is ingetrokken; er verandert niets.`);
export const extendedCard = (c: Titled) =>
  successCard('Verlenging aangekondigd', `"${c.title}" loopt nu naar verwachting tot ${dutchDate(c.endDate!)}. De regioteams zijn geïnformeerd.`);
export const endedCard = (ending: Titled) =>
  successCard('Statusaanpassing beëindigd', `${ending.title}. De taken worden weer uitgevoerd zoals daarvoor; de regioteams zijn geïnformeerd.`);
export const lapsingCard = (c: Titled) =>
  successCard('Laten aflopen', `"${c.title}" loopt af op ${dutchDate(c.endDate!)}; daarna geldt weer de stand van daarvoor. De regioteams zijn geïnformeerd.`);

export interface ExportCardData {
  summary: string;
  facts: Fact[];
  /** The newest decisions, one line each. */
  recent: string[];
  /** The Overzicht tab, where the CSV and Markdown files download. */
  tabUrl: string;
}
/** `status export` in the chat: a short summary and the way to the files. */
export const exportCard = (data: ExportCardData) => renderTemplate(exportTemplate, data);
