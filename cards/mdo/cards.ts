import { renderTemplate, type AdaptiveCard } from '../render';
import adviceTemplate from './templates/advice.json';
import decidedTemplate from './templates/decided.json';
import formTemplate from './templates/form.json';
import overviewTemplate from './templates/overview.json';
import reminderTemplate from './templates/reminder.json';

/** The typed data of each MDO card; cards/mdo/view.ts builds them from stored decisions. */
export interface Fact {
  title: string;
  value: string;
}

export interface MdoFormCardData {
  types: Array<{ id: string; name: string }>;
  /** What the user filled in so far (all strings, '' when empty). */
  values: Record<string, string>;
  /** A Dutch error line; '' for none. */
  error: string;
  /** Shown in channels: the decision belongs to whoever submits. */
  personalNote: boolean;
}

export interface MdoAdviceCardData {
  id: string;
  outcomeLabel: string;
  style: 'good' | 'emphasis' | 'warning' | 'attention';
  categoryLabel: string;
  categoryText: string;
  facts: Fact[];
  reasons: Array<{ text: string }>;
  outcomes: Array<{ title: string; value: string }>;
  override: { outcome: string; reason: string };
  reminder: 'true' | 'false';
  notice: string;
  error: string;
}

export interface MdoDecidedCardData {
  id: number;
  /** The other outcomes the decision can be changed to. */
  outcomes: Array<{ title: string; value: string }>;
  finalLabel: string;
  decisionLine: string;
  notice: string;
  facts: Fact[];
  reminderLine: string;
  organiserMessage: string;
}

export interface MdoOverviewCardData {
  upcoming: Array<{ when: string; meeting: string; status: string }>;
  team: {
    show: boolean;
    title: string;
    period: string;
    totals: Fact[];
    byType: Fact[];
    byCategory: Fact[];
    byOutcome: Fact[];
    hoursNote: string;
  };
}

export interface MdoReminderCardData {
  meeting: string;
  finalLabel: string;
  facts: Fact[];
}

export const mdoFormCard = (data: MdoFormCardData): AdaptiveCard => renderTemplate(formTemplate, data);
export const mdoAdviceCard = (data: MdoAdviceCardData): AdaptiveCard => renderTemplate(adviceTemplate, data);
export const mdoDecidedCard = (data: MdoDecidedCardData): AdaptiveCard => renderTemplate(decidedTemplate, data);
export const mdoOverviewCard = (data: MdoOverviewCardData): AdaptiveCard => renderTemplate(overviewTemplate, data);
export const mdoReminderCard = (data: MdoReminderCardData): AdaptiveCard => renderTemplate(reminderTemplate, data);
