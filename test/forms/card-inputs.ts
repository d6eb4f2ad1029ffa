/** Reading a form card the way a user sees it: the problems banner, input values, what is open. */

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (element: Json, inShowCard: boolean) => void, inShowCard = false): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, inShowCard));
  if (typeof node !== 'object' || node === null) return;
  const element = node as Json;
  visit(element, inShowCard);
  for (const key of ['body', 'items', 'columns', 'actions']) walk(element[key], visit, inShowCard);
  if (element.type === 'Action.ShowCard') walk(element.card, visit, true);
}

/** The lines of the red problems banner ("• Label: message"), without the bullet; [] when there is none. */
export function problemLines(card: unknown): string[] {
  let lines: string[] = [];
  walk(card, (e) => {
    if (e.type === 'Container' && e.id === 'formProblems') {
      lines = (e.items as Json[]).map((i) => String(i.text)).filter((t) => t.startsWith('• ')).map((t) => t.slice(2));
    }
  });
  return lines;
}

/** An input on the card: its value and whether it sits behind a button (inside an Action.ShowCard). */
export function input(card: unknown, id: string): { value: unknown; hidden: boolean } | undefined {
  let found: { value: unknown; hidden: boolean } | undefined;
  walk(card, (e, inShowCard) => {
    if (typeof e.type === 'string' && e.type.startsWith('Input.') && e.id === id) found = { value: e.value, hidden: inShowCard };
  });
  return found;
}

/** Whether the card (an invoke response) is a card at all, not a one-line message. */
export const isCard = (body: { type: string }) => body.type === 'application/vnd.microsoft.card.adaptive';

/** Every element of a type on the card, behind buttons too (e.g. 'Input.ChoiceSet', 'Action.Execute'). */
export function elementsOf(card: unknown, type: string): Json[] {
  const found: Json[] = [];
  walk(card, (e) => {
    if (e.type === type) found.push(e);
  });
  return found;
}
