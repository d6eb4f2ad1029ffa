import { renderTemplate, type AdaptiveCard } from '../render';
import digestTemplate from './templates/digest.json';
import evaluationTemplate from './templates/evaluation.json';
import itemTemplate from './templates/item.json';
import startTemplate from './templates/start.json';

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
}

export interface DigestCardData {
  teamName: string;
  dateText: string;
  summaryText: string;
  sections: Array<{ title: string; color: 'Default' | 'Attention' | 'Warning'; groups: Array<{ owner: string; lines: Array<{ text: string }> }> }>;
}

export interface StartCardData {
  message: string;
  hint: string;
  items: Array<{ itemId: number; due: string; text: string }>;
  kinds: Choice[];
  owners: Choice[];
  defaultOwner: string;
  teams: Choice[];
  defaultTeam: string;
}

export interface EvaluationCardData {
  dateText: string;
  weeks: number;
}

/** One monitoring item: its current deadline, all stages and the actions the rule offers. */
export const monitoringItemCard = (data: ItemCardData): AdaptiveCard => renderTemplate(itemTemplate, data);

/** The daily digest in a regioteam channel: due today, this week and overdue, per consulent. */
export const monitoringDigestCard = (data: DigestCardData): AdaptiveCard =>
  renderTemplate(digestTemplate, {
    ...data,
    // Yellow text on white is unreadable in Teams: only overdue items get a colour (red).
    sections: data.sections.map((s) => ({ ...s, color: s.color === 'Warning' ? 'Default' : s.color })),
  });

/** The `monitoring` command: the user's open items by due date and a form to start a new item. */
export const monitoringStartCard = (data: StartCardData): AdaptiveCard => renderTemplate(startTemplate, data);

/** Personal reminder to MT and beleid ahead of the half-yearly evaluation. */
export const evaluationReminderCard = (data: EvaluationCardData): AdaptiveCard => renderTemplate(evaluationTemplate, data);
