import template from './templates/not-understood.json';
import { renderTemplate } from './render';

export interface NotUnderstoodCardData {
  /** Commands whose name was in the text, as buttons (command typed, button title). */
  suggestions: Array<{ command: string; title: string }>;
}

/** The answer to text that is no command: said plainly, with the commands it mentions (the menu follows). */
export const notUnderstoodCard = (data: NotUnderstoodCardData) =>
  renderTemplate(template, {
    ...data,
    suggestionIntro: data.suggestions.length === 1
      ? `Bedoel je **${data.suggestions[0]!.command}**?`
      : `Bedoel je een van deze: ${data.suggestions.map((s) => `**${s.command}**`).join(', ')}?`,
  });
