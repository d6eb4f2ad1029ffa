/**
 * Every card the bot can send (cards/samples.ts, which gathers cards/<feature>/samples.ts) is a
 * valid Adaptive Card 1.5 and passes the checks a user would notice: Dutch text, working buttons,
 * no template leftovers, no personal data.
 */
import { features } from '../../bot/features';
import { allSampleCards } from '../../cards/samples';
import { defaultOfficeInput, parseOffice } from '../../config/office';
import { findPersonalData, screenContext, type PersonalDataKind, type ScreenContext } from '../../services/privacy';
import { expectValidCard } from '../harness/card-validation';

type Json = Record<string, unknown>;

/**
 * Contact details and identity numbers. Dates are left out (cards show deadlines and meeting
 * dates) and so are names (cards show colleagues' names): those reach the bot only through free
 * text, which the router screens before anything is stored.
 */
const NUMBERS: PersonalDataKind[] = ['bsn', 'e-mailadres', 'telefoonnummer', 'adres', 'iban'];
let screen: ScreenContext;
beforeAll(async () => {
  screen = await screenContext({ office: parseOffice(defaultOfficeInput), today: { year: 2026, month: 11, day: 24 }, staffNames: [] });
});

const cases = Object.entries(allSampleCards).flatMap(([feature, cards]) =>
  Object.entries(cards).map(([name, card]) => ({ label: `${feature}/${name}`, card: card as Json })),
);

/** Every object in the card, depth first (body, columns, actions, ShowCard cards, refresh, ...). */
function* objects(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const n of node) yield* objects(n);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const v of Object.values(node)) yield* objects(v);
  }
}

/** Properties whose string values a user sees (or a screen reader reads). */
const VISIBLE = new Set(['text', 'title', 'value', 'placeholder', 'label', 'errorMessage', 'fallbackText', 'altText', 'speak']);

function visibleText(card: Json): string[] {
  const texts: string[] = [];
  for (const obj of objects(card)) {
    for (const [k, v] of Object.entries(obj)) if (VISIBLE.has(k) && typeof v === 'string') texts.push(v);
  }
  return texts;
}

const DUTCH = /\b(de|het|een|en|je|jij|van|niet|naar|voor|aan|dit|dat|met|op|is|zijn|wordt|kies|geen|ja|nee|welk|wat)\b/i;
const ENGLISH_UI = /\b(the|please|submit|cancel|your|click here|error|something went wrong)\b/i;

// 'menu.open' is the router's own verb (bot/router.ts); its data.command must be a command name.
const verbs = new Set(['menu.open', ...features.flatMap((f) => Object.keys(f.actions))]);
const commandNames = new Set(['menu', 'help', 'hulp', ...features.flatMap((f) => f.commands.flatMap((c) => c.names.map((n) => n.toLowerCase())))]);

describe('sample cards', () => {
  it('has sample cards to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(cases)('$label', ({ label, card }) => {
    it('is a valid Adaptive Card 1.5 (adaptivecards parser + JSON schema)', () => {
      expectValidCard(card, label);
      expect(card.version).toBe('1.5');
    });

    it('speaks Dutch', () => {
      const text = visibleText(card).join('\n');
      expect(text).toMatch(DUTCH);
      expect(text).not.toMatch(ENGLISH_UI);
    });

    it('has no unexpanded template expressions or template keys', () => {
      const json = JSON.stringify(card);
      expect(json).not.toContain('${');
      const templateKeys = [...objects(card)].flatMap((o) => Object.keys(o)).filter((k) => k.startsWith('$') && k !== '$schema');
      expect(templateKeys).toEqual([]);
    });

    it('has a routed verb on every Action.Execute (buttons, selectAction, refresh)', () => {
      const executes = [...objects(card)].filter((o) => o.type === 'Action.Execute');
      for (const a of executes) {
        expect(typeof a.verb === 'string' && a.verb.length > 0 ? a.verb : `missing verb on "${String(a.title)}"`).toMatch(/^[a-z][\w-]*(\.[\w-]+)+$/);
        if (!verbs.has(a.verb as string)) throw new Error(`${label}: button "${String(a.title)}" uses verb "${String(a.verb)}", which no feature handles`);
        const command = String((a.data as Json | undefined)?.command ?? '').toLowerCase();
        if (a.verb === 'menu.open' && command !== 'menu' && ![...commandNames].some((n) => command === n || command.startsWith(`${n} `))) {
          throw new Error(`${label}: button "${String(a.title)}" opens command "${command}", which does not exist`);
        }
      }
      const titled = executes.filter((a) => a !== (card.refresh as Json | undefined)?.action);
      for (const a of titled) expect(String(a.title ?? '').trim()).not.toBe('');
    });

    it('shows no personal data (BSN, e-mail, phone number, address, IBAN)', () => {
      const findings = visibleText(card).flatMap((t) => findPersonalData(t, screen).filter((f) => NUMBERS.includes(f.kind)).map((f) => `${f.kind} in "${t}"`));
      expect(findings).toEqual([]);
    });
  });
});
