/**
 * Adaptive Card validation for tests: every card the bot can send must be accepted by what Teams
 * renders (Adaptive Cards 1.5).
 *
 * Two independent checks:
 * 1. The official `adaptivecards` library (its UMD build, which runs in Node without DOM globals
 *    for parsing) parses the card with a SerializationContext for 1.5 and validates it. This
 *    reports unknown element and action types, invalid property values (e.g. size "Huge"),
 *    duplicate ids, inputs without id, required inputs without label or error message, and an
 *    unsupported card version.
 * 2. The JSON schema Microsoft ships in adaptivecards-designer (lib/adaptive-card-schema.js), run
 *    with ajv. That file is the historical 1.0 schema, so it is loaded with a small, explicit 1.5
 *    overlay (see `schemaFor15`): the 1.2–1.5 elements and actions Teams supports (ActionSet,
 *    Action.Execute, Action.ToggleVisibility, RichTextBlock, Table), the 1.2+ container styles and
 *    input styles, case-insensitive enum values (the renderers accept "Bolder" and "bolder"), every
 *    array item checked (the original only checks the first) and draft-06 `$ref` semantics.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type * as ACTypes from 'adaptivecards';

type ACModule = typeof ACTypes;

// The UMD build, as the issue asks: the same file the renderer loads in the browser.
const AC = require('adaptivecards/dist/adaptivecards.js') as ACModule;
const { adaptiveCardSchema } = require('adaptivecards-designer/lib/adaptive-card-schema.js') as { adaptiveCardSchema: Record<string, unknown> };

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// 1. The adaptivecards library
// ---------------------------------------------------------------------------------------------

const eventName = (event: number) => AC.ValidationEvent[event] ?? `event ${event}`;

function libraryProblems(json: unknown): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    card.parse(json, context);
  } catch (error) {
    return [`adaptivecards: parse failed: ${(error as Error).message}`];
  }
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    if (event.event === AC.ValidationEvent.Hint) continue;
    problems.push(`adaptivecards: ${eventName(event.event)}: ${event.message}`);
  }
  const results = card.validateProperties();
  for (const event of results.validationEvents) {
    if (event.event === AC.ValidationEvent.Hint) continue;
    problems.push(`adaptivecards: ${eventName(event.event)}: ${event.message}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 2. The JSON schema (official file + 1.5 overlay)
// ---------------------------------------------------------------------------------------------

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const typeIs = (name: string) => ({ type: 'string', enum: [name] });
const element = (name: string, properties: Json, required: string[] = []) => ({
  type: 'object',
  additionalProperties: true,
  allOf: [ref('CardElement')],
  properties: { type: typeIs(name), ...properties },
  required: ['type', ...required],
});

/** Elements and actions added in 1.2–1.5 that Teams renders. Names and shapes from the 1.5 spec. */
const ADDITIONS: Record<string, Json> = {
  'Action.Execute': {
    type: 'object',
    additionalProperties: true,
    properties: {
      type: typeIs('Action.Execute'),
      title: { type: 'string' },
      verb: { type: 'string' },
      data: { type: ['string', 'object'] },
      associatedInputs: { type: 'string', enum: ['auto', 'none'] },
      style: ref('ActionStyle'),
      mode: ref('ActionMode'),
    },
    required: ['type'],
  },
  'Action.ToggleVisibility': {
    type: 'object',
    additionalProperties: true,
    properties: {
      type: typeIs('Action.ToggleVisibility'),
      title: { type: 'string' },
      targetElements: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object', required: ['elementId'] }] } },
    },
    required: ['type', 'targetElements'],
  },
  ActionStyle: { type: 'string', enum: ['default', 'positive', 'destructive'] },
  ActionMode: { type: 'string', enum: ['primary', 'secondary'] },
  ContainerStyle: { type: 'string', enum: ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'] },
  VerticalContentAlignment: { type: 'string', enum: ['top', 'center', 'bottom'] },
  TextBlockStyle: { type: 'string', enum: ['default', 'heading'] },
  ActionSet: element('ActionSet', { actions: ref('Actions') }, ['actions']),
  TextRun: {
    type: 'object',
    additionalProperties: true,
    properties: { type: typeIs('TextRun'), text: { type: 'string' } },
    required: ['type', 'text'],
  },
  RichTextBlock: element('RichTextBlock', { inlines: { type: 'array', items: { anyOf: [{ type: 'string' }, ref('TextRun')] } } }, ['inlines']),
  TableCell: {
    type: 'object',
    additionalProperties: true,
    properties: { type: typeIs('TableCell'), items: ref('CardElements'), style: ref('ContainerStyle') },
    required: ['type', 'items'],
  },
  TableRow: {
    type: 'object',
    additionalProperties: true,
    properties: { type: typeIs('TableRow'), cells: { type: 'array', items: ref('TableCell') }, style: ref('ContainerStyle') },
    required: ['type'],
  },
  Table: element('Table', { columns: { type: 'array' }, rows: { type: 'array', items: ref('TableRow') }, gridStyle: ref('ContainerStyle') }),
};

const ELEMENT_TYPES = ['TextBlock', 'Image', 'Container', 'ColumnSet', 'FactSet', 'ImageSet', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet', 'ActionSet', 'RichTextBlock', 'Table'];
const ACTION_TYPES = ['Action.Submit', 'Action.ShowCard', 'Action.OpenUrl', 'Action.Execute', 'Action.ToggleVisibility'];

/** One object per type: an unknown type fails on `type`, a known one is checked by its definition only. */
const dispatch = (types: string[]) => ({
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: types } },
  allOf: types.map((t) => ({ if: { properties: { type: { const: t } } }, then: ref(t) })),
});

/** "bolder" -> "^(?:[bB][oO]...)$": enum values are case-insensitive for the renderers. */
const caseInsensitive = (values: string[]) =>
  `^(?:${values.map((v) => [...v].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')).join('|')})$`;

function transform(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => transform(n));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  // draft-06: keywords next to $ref are ignored (the file relies on it, e.g. Image.size).
  if (typeof obj.$ref === 'string') return { $ref: obj.$ref, ...(obj.description ? { description: obj.description } : {}) };
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) out[k] = transform(v, k);
  if (Array.isArray(obj.enum) && key !== 'type' && obj.enum.every((v) => typeof v === 'string')) {
    delete out.enum;
    out.pattern = caseInsensitive(obj.enum as string[]);
  }
  return out;
}

function schemaFor15(): Json {
  const original = JSON.parse(JSON.stringify(adaptiveCardSchema)) as Json;
  const definitions = { ...(original.definitions as Record<string, Json>), ...ADDITIONS };
  definitions.CardElements = { type: 'array', items: dispatch(ELEMENT_TYPES) };
  definitions.Actions = { type: 'array', items: dispatch(ACTION_TYPES) };
  definitions.Action = dispatch(ACTION_TYPES);
  const withStyle = (name: string, props: Json) => {
    const def = definitions[name]!;
    def.properties = { ...(def.properties as Json), ...props };
  };
  withStyle('Container', { style: ref('ContainerStyle'), verticalContentAlignment: ref('VerticalContentAlignment') });
  withStyle('Column', { style: ref('ContainerStyle'), verticalContentAlignment: ref('VerticalContentAlignment') });
  withStyle('ColumnSet', { style: ref('ContainerStyle') });
  withStyle('TextBlock', { style: ref('TextBlockStyle') });
  withStyle('AdaptiveCard', { verticalContentAlignment: ref('VerticalContentAlignment') });
  // The root requires version (top-level `required`); a card inside Action.ShowCard does not (1.5 spec).
  (definitions.AdaptiveCard as Json).required = ['type'];
  (definitions.TextInputStyle as Json).enum = ['text', 'tel', 'url', 'email', 'password'];
  (definitions.ChoiceInputStyle as Json).enum = ['compact', 'expanded', 'filtered'];
  // Input.Toggle's value is a string in the file, a string too in 1.5; title is optional from 1.3 (label).
  (definitions['Input.Toggle'] as Json).required = ['id'];
  const schema = transform({ ...original, definitions }) as Json;
  delete schema.$schema;
  delete schema.id;
  schema.$id = 'http://adaptivecards.io/schemas/adaptive-card.json';
  return schema;
}

let validator: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schemaFor15());
  }
  return validator;
}

function describeSchemaError(error: ErrorObject): string | undefined {
  // "must match then schema" repeats a more precise error below it.
  if (error.keyword === 'if') return undefined;
  const where = error.instancePath || '(card)';
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') message += `: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  if (error.keyword === 'pattern') message = 'has a value that is not allowed';
  return `schema: ${where} ${message}`;
}

function schemaProblems(json: unknown): string[] {
  const validate = schemaValidator();
  if (validate(json)) return [];
  return [...new Set((validate.errors ?? []).map(describeSchemaError).filter((m): m is string => !!m))];
}

// ---------------------------------------------------------------------------------------------

/** Every problem found in a card by the adaptivecards 1.5 parser and the JSON schema; empty = valid. */
export function validateCard(card: unknown): string[] {
  const problems: string[] = [];
  if (!card || typeof card !== 'object' || (card as Json).type !== 'AdaptiveCard') problems.push('not an AdaptiveCard object (type must be "AdaptiveCard")');
  else if ((card as Json).version !== '1.5') problems.push(`version must be "1.5" (Teams), found ${JSON.stringify((card as Json).version)}`);
  problems.push(...libraryProblems(card), ...schemaProblems(card));
  return problems;
}

/** Jest assertion: fails with every problem listed and the card's JSON for context. */
export function expectValidCard(card: unknown, label = 'card'): void {
  const problems = validateCard(card);
  if (problems.length > 0) {
    throw new Error(`${label} is not a valid Adaptive Card 1.5:\n  - ${problems.join('\n  - ')}\n${JSON.stringify(card, null, 2).slice(0, 4000)}`);
  }
}
