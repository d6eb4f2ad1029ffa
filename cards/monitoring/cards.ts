import { withFormProblems } from '../form-problems';
import { withMentions } from '../mentions';
import { renderTemplate, type AdaptiveCard } from '../render';
import digestTemplate from './templates/digest.json';
import evaluationTemplate from './templates/evaluation.json';
import itemTemplate from './templates/item.json';
import startTemplate from './templates/start.json';
import type { DigestCardData, EvaluationCardData, ItemCardData, StartCardData } from './views';

/** One monitoring item: its current deadline, all stages and the actions the rule offers. */
export const monitoringItemCard = (data: ItemCardData): AdaptiveCard => withFormProblems(renderTemplate(itemTemplate, data), data.problems);

/** The daily digest in a regioteam channel: due today, this week and overdue, per consulent. */
export const monitoringDigestCard = (data: DigestCardData): AdaptiveCard =>
  withMentions(
    renderTemplate(digestTemplate, {
      ...data,
      // Yellow text on white is unreadable in Teams: only overdue items get a colour (red).
      sections: data.sections.map((s) => ({ ...s, color: s.color === 'Warning' ? 'Default' : s.color })),
    }),
    data.mentions,
  );

/** The `monitoring` command: the user's open items by due date and a form to start a new item. */
export const monitoringStartCard = (data: StartCardData): AdaptiveCard => withFormProblems(renderTemplate(startTemplate, data), data.problems);

/** Personal reminder to MT and beleid ahead of the half-yearly evaluation. */
export const evaluationReminderCard = (data: EvaluationCardData): AdaptiveCard => renderTemplate(evaluationTemplate, data);
