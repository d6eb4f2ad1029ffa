import type { FormProblem } from '../../services/validation';
import { withFormProblems } from '../form-problems';
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
  /** The catalogue; `organiser` when the type says who organises it (filled in when left empty). */
  types: Array<{ id: string; name: string; organiser?: string }>;
  /** What the user filled in so far (all strings, '' when empty). */
  values: Record<string, string>;
  /** What to fix before the advice can be given; empty for none. */
  problems: FormProblem[];
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
  /** The "Anders kiezen" inputs shown open (something was typed there), not behind a button. */
  overrideOpen: boolean;
  problems: FormProblem[];
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
  /** The message as one text (to copy), as paragraphs of lines (to read) and as a mailto: link. */
  organiserMessage: string;
  organiserParagraphs: Array<{ lines: Array<{ text: string }> }>;
  organiserMailto: string;
  /** "Mijn MDO's", or the absent owner's list for whoever handles the MDO for them. */
  list: MdoListButton;
}

/** The button to an MDO list: the reader's own (person ''), or the absent owner's they stand in for. */
export interface MdoListButton {
  title: string;
  person: string;
}

export interface MdoOverviewCardData {
  title: string;
  /** Under the title: whose list this is and why (empty for one's own). */
  intro: string;
  emptyText: string;
  /** The stand-in's view of the absent owner's list: no new MDO from here, but their own list. */
  forOwner: boolean;
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
  decidedLine: string;
  list: MdoListButton;
  facts: Fact[];
}

/** The organiser field's label says for which types it may stay empty. */
function organiserLabel(types: MdoFormCardData['types']): string {
  const known = types.filter((t) => t.organiser).map((t) => t.name.replace(/ \(per gemeente\)$/, ''));
  if (known.length === 0) return 'Organiserende organisatie';
  const list = known.length === 1 ? known[0] : `${known.slice(0, -1).join(', ')} en ${known.at(-1)}`;
  return `Organiserende organisatie (bij ${list} mag je dit leeg laten)`;
}

export const mdoFormCard = (data: MdoFormCardData): AdaptiveCard =>
  withFormProblems(renderTemplate(formTemplate, { ...data, organiserLabel: organiserLabel(data.types) }), data.problems);
export const mdoAdviceCard = (data: MdoAdviceCardData): AdaptiveCard =>
  withFormProblems(renderTemplate(adviceTemplate, data), data.problems, 'Er is nog niets vastgelegd. Je invoer staat er nog.');
export const mdoDecidedCard = (data: MdoDecidedCardData): AdaptiveCard => renderTemplate(decidedTemplate, data);
export const mdoOverviewCard = (data: MdoOverviewCardData): AdaptiveCard => renderTemplate(overviewTemplate, data);
export const mdoReminderCard = (data: MdoReminderCardData): AdaptiveCard => renderTemplate(reminderTemplate, data);
