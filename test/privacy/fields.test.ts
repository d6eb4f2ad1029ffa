/**
 * Every free-text field that reaches a handler is screened for personal data. The fields are
 * found, not listed: every text input on every card the bot sends (cards/samples.ts) with the
 * verbs that submit it, and every field of every verb's schema that accepts any text. Each must be
 * declared in the verb's `screen` (bot/routes.ts), which the router applies before the handler,
 * or be exempt below with the reason it cannot carry free text. A new field fails this test until
 * it is one or the other.
 */
import type { z } from 'zod';
import { features } from '../../bot/features';
import { screenFields } from '../../bot/privacy-screen';
import { createRouter } from '../../bot/router';
import type { ActionDef, TurnScope } from '../../bot/feature';
import { allSampleCards } from '../../cards/samples';
import { loadConfig } from '../../config';
import { ManualClock } from '../../services/clock';
import { ErrorCode } from '../../services/errors';
import { testEnv } from '../harness/harness';

const CASE_REFERENCES = 'case references: caseReferenceSchema refuses names, BSNs, phone numbers and dates';
const EXEMPT: Record<string, Record<string, string>> = {
  'menu.open': { command: 'a command name: unknown text opens the menu, nothing is stored' },
  'caseload.request': { regioteam: 'one of the configured regioteams', caseRefs: CASE_REFERENCES },
  'caseload.figures': { regioteam: 'one of the configured regioteams' },
  'mdo.advise': { caseRefs: CASE_REFERENCES },
  'mdo.decide': { outcome: 'one of the MDO outcomes' },
  'mdo.change': { outcome: 'one of the MDO outcomes (anything else is refused)' },
  'mdo.list': { person: "a colleague's Entra id from the button on a reminder that reached a stand-in: only looked up, never stored or shown (anyone it does not fit is refused)" },
  'capacity.evaluate': { task: "one of the ring model's task ids or 'geen' (anything else is refused)" },
  'monitoring.create': {
    kind: 'one of the configured monitoring kinds', owner: "a colleague's Entra id from the card's choices",
    regioteam: 'one of the configured regioteams', caseReference: CASE_REFERENCES,
  },
  'monitoring.handover': { newOwner: "a colleague's Entra id from the card's choices" },
  'absence.record': { person: "a colleague's Entra id from the card's choices", standIn: "a colleague's Entra id from the card's choices, or 'none'" },
  'status.preview': { preset: 'a preset id or "per-taak"' },
  'status.consult': { regioteams: 'regioteam ids of linked channels' },
};

type Json = Record<string, unknown>;
type ZodInternals = { _zod: { def: { type: string; innerType?: ZodInternals; in?: ZodInternals; out?: ZodInternals; shape?: Record<string, ZodInternals>; catchall?: ZodInternals } } };

const router = createRouter(features);
const actions = router.actions as Record<string, ActionDef>;

function* objects(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const n of node) yield* objects(n);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const v of Object.values(node)) yield* objects(v);
  }
}

const def = (schema: unknown) => (schema as ZodInternals)._zod.def;

/** The schema under optional, default, nullable and preprocess wrappers. */
function unwrap(schema: ZodInternals): ZodInternals {
  const d = schema._zod.def;
  if (d.type === 'pipe') return unwrap(def(d.in).type === 'transform' ? d.out! : d.in!);
  if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly'].includes(d.type)) return unwrap(d.innerType);
  return schema;
}

const shapeOf = (verb: string): Record<string, ZodInternals> => def(actions[verb]!.schema).shape ?? {};
/** Whether the verb's handler can see a key that is not in its shape (passthrough, catchall). */
const keepsUnknownKeys = (verb: string) => {
  const catchall = def(actions[verb]!.schema).catchall;
  return !!catchall && def(catchall).type !== 'never';
};

const TEXT = 'Mohammed El Idrissi (groep 8) is bereikbaar op 030 - 234 56 78';
/** Short enough for any field that takes a name. */
const PROBE = 'Mohammed El Idrissi';

/** verb → field → where it was found. */
function freeTextFields(): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>();
  const add = (verb: string, field: string, where: string) => {
    if (!found.has(verb)) found.set(verb, new Map());
    if (!found.get(verb)!.has(field)) found.get(verb)!.set(field, where);
  };
  // Text inputs on the cards, with every verb that submits them.
  for (const [feature, cards] of Object.entries(allSampleCards)) {
    for (const [name, card] of Object.entries(cards)) {
      const inputs = [...objects(card)].filter((o) => o.type === 'Input.Text').map((o) => String(o.id));
      const verbs = [...objects(card)].filter((o) => o.type === 'Action.Execute' && o.associatedInputs !== 'none').map((o) => String(o.verb));
      for (const verb of verbs) {
        for (const input of inputs) {
          // A key the verb's schema does not know is dropped before the handler runs.
          if (input in shapeOf(verb) || keepsUnknownKeys(verb)) add(verb, input, `text input on card ${feature}/${name}`);
        }
      }
    }
  }
  // Schema fields that take any text.
  for (const verb of Object.keys(actions)) {
    for (const [field, schema] of Object.entries(shapeOf(verb))) {
      const inner = unwrap(schema);
      if (inner._zod.def.type === 'string' && (schema as unknown as z.ZodType).safeParse(PROBE).success) add(verb, field, 'schema field taking any text');
    }
  }
  return found;
}

describe('every free-text field is screened for personal data', () => {
  const fields = freeTextFields();

  it('finds the free-text fields of the forms', () => {
    const all = [...fields].flatMap(([verb, f]) => [...f.keys()].map((field) => `${verb}.${field}`));
    // The fields the issue names, found without listing them here.
    for (const field of ['caseload.request.description', 'status.preview.reason', 'status.preview.practiceImpact', 'status.preview.partnerText',
      'status.skipConsultation.skipReason', 'status.respond.comment', 'mdo.advise.organiser', 'mdo.advise.omschrijving', 'mdo.advise.gemeente',
      'mdo.decide.reason', 'monitoring.extend.reason']) {
      expect(all).toContain(field);
    }
  });

  it('screens each one, or it is exempt with a reason', () => {
    const unscreened: string[] = [];
    for (const [verb, found] of fields) {
      for (const [field, where] of found) {
        const screened = actions[verb]!.screen?.fields as Record<string, unknown> | undefined;
        if (!screened?.[field] && !EXEMPT[verb]?.[field]) unscreened.push(`${verb}.${field} (${where})`);
      }
    }
    expect(unscreened).toEqual([]);
  });

  it('keeps the exemptions and declarations true: each names a real field, screened ones carry the card label', () => {
    for (const [verb, exempt] of Object.entries(EXEMPT)) {
      for (const field of Object.keys(exempt)) expect(`${verb}.${field}: ${fields.get(verb)?.has(field) ? 'free text' : 'no such free-text field'}`).toBe(`${verb}.${field}: free text`);
    }
    for (const [verb, action] of Object.entries(actions)) {
      for (const field of Object.keys(action.screen?.fields ?? {})) {
        expect(`${verb}.${field}: ${fields.get(verb)?.has(field) ? 'free text' : 'not found'}`).toBe(`${verb}.${field}: free text`);
        expect(`${verb}.${field}: ${action.labels?.[field] ?? 'no label'}`).not.toMatch(/no label$/);
      }
    }
  });

  it('refuses a name and a phone number in each screened field, naming the field by its label', async () => {
    const config = loadConfig(testEnv());
    const scope = {
      config, clock: new ManualClock(new Date('2026-11-24T09:00:00+01:00')), db: { query: async () => [] },
      actor: { aadObjectId: 'aad-x', name: 'Sanne Bakker', isMt: false, isBeleid: false, teamleiderOf: [] },
    } as unknown as TurnScope;
    let checked = 0;
    for (const action of Object.values(actions)) {
      if (!action.screen) continue;
      for (const [field, rule] of Object.entries(action.screen.fields)) {
        const data = { choice: 'override', [field]: TEXT };
        const refusal = await screenFields(scope, action.screen, data, action.labels);
        expect(refusal?.code).toBe(ErrorCode.PersonalData);
        expect(refusal?.message).toContain(`In "${action.labels![field]}" staat een naam: 'Mohammed El Idrissi' en een telefoonnummer`);
        expect(await screenFields(scope, action.screen, { choice: 'override', [field]: 'Vanaf 14 december 2026 doen we alleen kern en ring 1' }, action.labels)).toBeUndefined();
        checked += rule ? 1 : 0;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(11);
  });
});
