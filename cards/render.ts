import * as ACData from 'adaptivecards-templating';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const cache = new Map<object, ACData.Template>();

/**
 * Expands a card template (a JSON file in cards/templates) with typed data. Templates are parsed
 * once; builders in this folder give each template its data type.
 */
export function renderTemplate<T extends object>(template: object, data: T): AdaptiveCard {
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    cache.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as AdaptiveCard;
}

/** The attachment form botbuilder and the delivery queue send. */
export function cardAttachment(card: AdaptiveCard) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
