import type { FormProblem } from '../services/validation';
import type { AdaptiveCard } from './render';

type Element = Record<string, unknown>;

/** The red banner every form shows above its inputs: each problem on its own line, naming its field. */
export function formProblemsBanner(problems: FormProblem[], kept = 'Er is niets opgeslagen. Je invoer staat er nog.'): Element {
  return {
    type: 'Container',
    id: 'formProblems',
    style: 'attention',
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: problems.length === 1 ? 'Controleer je invoer' : `Controleer je invoer (${problems.length} punten)`, weight: 'Bolder', wrap: true },
      ...problems.map((p) => ({ type: 'TextBlock', text: `• ${p.text}`, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: kept, wrap: true, size: 'Small', isSubtle: true, spacing: 'Small' },
    ],
  };
}

const hasInput = (element: unknown): boolean => {
  if (Array.isArray(element)) return element.some(hasInput);
  if (typeof element !== 'object' || element === null) return false;
  const e = element as Element;
  if (typeof e.type === 'string' && e.type.startsWith('Input.')) return true;
  return hasInput(e.items) || hasInput(e.columns);
};

/**
 * Puts the banner into a rendered form right above its first input and that input's section
 * heading (or at the end of the body),
 * so it is seen before the fields it names. No problems, no banner.
 */
export function withFormProblems(card: AdaptiveCard, problems: FormProblem[], kept?: string): AdaptiveCard {
  if (problems.length === 0) return card;
  const body = Array.isArray(card.body) ? [...(card.body as Element[])] : [];
  let at = body.findIndex(hasInput);
  if (at < 0) at = body.length;
  // Above the section heading of that input, not between the heading and its fields.
  const before = body[at - 1];
  if (before?.type === 'TextBlock' && String(before.weight).toLowerCase() === 'bolder') at -= 1;
  body.splice(at, 0, formProblemsBanner(problems, kept));
  return { ...card, body };
}
