import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import { z } from 'zod';
import { organiserOf, type MdoType } from '../../config/mdo-catalogue';
import { caseReferenceSchema, splitCaseReferences } from '../privacy';
import { checkUserInput, fieldProblem, isoDateInput, optionalText, requiredText, uniqueProblems, type FormProblem } from '../validation';
import type { MdoAnswers } from './rules';

/** What the MDO form sends: every input as a string, as Adaptive Cards do. */
export const MDO_FORM_FIELDS = [
  'type', 'gemeente', 'omschrijving', 'date', 'time', 'organiser', 'involved', 'caseRefs', 'legalBasis',
  'coreTasks', 'concreteActions', 'concreteReason', 'canOnline', 'colleagueGoing', 'writtenEnough',
] as const;
export type MdoFormField = (typeof MDO_FORM_FIELDS)[number];
export type MdoFormValues = Record<MdoFormField, string>;

/** The labels on the card, for Dutch error lines. */
export const MDO_FORM_LABELS: Record<MdoFormField, string> = {
  type: 'Welk overleg',
  gemeente: 'Gemeente',
  omschrijving: 'Omschrijving',
  date: 'Datum',
  time: 'Tijd',
  organiser: 'Organiserende organisatie',
  involved: 'Actief betrokken',
  caseRefs: 'Casusnummer(s)',
  legalBasis: 'Grondslag en gegevensuitwisseling',
  coreTasks: 'Bijdrage aan kerntaken',
  concreteActions: 'Concrete acties of besluiten',
  concreteReason: 'Concrete aanleiding',
  canOnline: 'Online mogelijk',
  colleagueGoing: 'Collega gaat al',
  writtenEnough: 'Schriftelijke inbreng volstaat',
};

export const emptyMdoForm = (): MdoFormValues =>
  Object.fromEntries(MDO_FORM_FIELDS.map((f) => [f, ''])) as MdoFormValues;

/** Keeps what the user typed (strings only, trimmed to a sane length) to re-show the form. */
export function formValuesOf(data: Partial<Record<string, unknown>>): MdoFormValues {
  const values = emptyMdoForm();
  for (const field of MDO_FORM_FIELDS) {
    const v = data[field];
    values[field] = typeof v === 'string' ? v.slice(0, 1000) : '';
  }
  return values;
}

/** The form with what follows from the chosen type filled in: the organiser, when left empty. */
export function withKnownOrganiser(values: MdoFormValues, catalogue: MdoType[]): MdoFormValues {
  if (values.organiser.trim()) return values;
  const organiser = organiserOf(catalogue.find((t) => t.id === values.type), values.gemeente);
  return organiser ? { ...values, organiser } : values;
}

export interface ParsedMdoForm {
  type: MdoType;
  /** Municipality (VIOS) or description (anders), when the type asks for it. */
  detail?: string;
  meetingAt: Date;
  date: string;
  time: string;
  organiser: string;
  caseRefs: string[];
  answers: MdoAnswers;
}

const yesNo = z.enum(['ja', 'nee'], { error: 'kies ja of nee' });
const optionalYesNo = z.preprocess((v) => (v === '' ? undefined : v), yesNo.optional());

export type ParseResult = { ok: true; form: ParsedMdoForm } | { ok: false; problems: FormProblem[] };

function buildFormSchema(byId: Map<string, MdoType>) {
  return z.object({
    type: z.string().refine((id) => byId.has(id), 'kies een soort overleg'),
    gemeente: optionalText(100),
    omschrijving: optionalText(200),
    date: isoDateInput(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'kies een tijd'),
    organiser: requiredText(150, 'vul de organisatie in die het overleg organiseert'),
    involved: yesNo,
    caseRefs: optionalText(300),
    legalBasis: z.enum(['ja', 'nee', 'onbekend'], { error: 'kies ja, nee of onbekend' }),
    coreTasks: yesNo,
    concreteActions: yesNo,
    concreteReason: optionalYesNo,
    canOnline: yesNo,
    colleagueGoing: yesNo,
    writtenEnough: yesNo,
  });
}

type FormSchema = ReturnType<typeof buildFormSchema>;

/**
 * Building a zod object schema costs more than parsing with it (zod compiles a fast path on first
 * use), so the schema is built once per catalogue, i.e. once per configuration.
 */
const schemasByCatalogue = new WeakMap<MdoType[], { byId: Map<string, MdoType>; schema: FormSchema }>();

function formSchemaFor(catalogue: MdoType[]) {
  let entry = schemasByCatalogue.get(catalogue);
  if (!entry) {
    const byId = new Map(catalogue.map((t) => [t.id, t]));
    entry = { byId, schema: buildFormSchema(byId) };
    schemasByCatalogue.set(catalogue, entry);
  }
  return entry;
}

/** Checks across fields, on the raw strings: they are reported together with the schema's problems. */
function crossProblems(v: MdoFormValues, type: MdoType | undefined, ctx: { now: Date; zone: string }): FormProblem[] {
  const cross: Array<[MdoFormField, string]> = [];
  if (type?.detail === 'gemeente' && !v.gemeente) cross.push(['gemeente', 'vul de gemeente in']);
  if (type?.detail === 'omschrijving' && !v.omschrijving) cross.push(['omschrijving', 'omschrijf kort om welk overleg het gaat']);
  if (type?.thematic && !v.concreteReason) cross.push(['concreteReason', 'kies ja of nee (verplicht bij een thematisch overleg)']);
  const refs = splitRefs(v.caseRefs);
  if (v.involved === 'ja' && refs.length === 0) cross.push(['caseRefs', 'vul het casusnummer uit Carel in van de jeugdige bij wie je actief betrokken bent']);
  if (v.involved === 'nee' && refs.length > 0) cross.push(['caseRefs', 'vul alleen casusnummers in als je actief betrokken bent']);
  if (refs.length > 10) cross.push(['caseRefs', 'maximaal 10 casusnummers']);
  const badRef = refs.map((ref) => caseReferenceSchema.safeParse(ref)).find((r) => !r.success);
  if (badRef && !badRef.success) cross.push(['caseRefs', badRef.error.issues[0]?.message ?? 'ongeldig casusnummer']);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v.date) && /^\d{2}:\d{2}$/.test(v.time)) {
    const at = DateTime.fromISO(`${v.date}T${v.time}`, { zone: timeZone(ctx.zone) });
    if (!at.isValid) cross.push(['date', 'kies een geldige datum']);
    else if (at.toJSDate() < ctx.now) cross.push(['date', 'het overleg ligt in het verleden']);
  }
  return cross.map(([field, message]) => fieldProblem(field, MDO_FORM_LABELS[field], message));
}

/** Form order, so the problems read from top to bottom like the card. */
const byFormOrder = (a: FormProblem, b: FormProblem) =>
  MDO_FORM_FIELDS.indexOf(a.field as MdoFormField) - MDO_FORM_FIELDS.indexOf(b.field as MdoFormField);

/**
 * Checks the MDO form against the office's catalogue. Returns every problem at once, each naming
 * its field, or the parsed form; nothing here touches the database.
 */
export function parseMdoForm(sent: MdoFormValues, ctx: { catalogue: MdoType[]; now: Date; zone: string }): ParseResult {
  const { byId, schema } = formSchemaFor(ctx.catalogue);
  const input = withKnownOrganiser(sent, ctx.catalogue);
  const v = Object.fromEntries(MDO_FORM_FIELDS.map((f) => [f, (input[f] ?? '').trim()])) as MdoFormValues;
  const cross = crossProblems(v, byId.get(v.type), ctx);
  const checked = checkUserInput(schema, input, MDO_FORM_LABELS);
  if (!checked.ok || cross.length > 0) {
    return { ok: false, problems: uniqueProblems([...(checked.ok ? [] : checked.problems), ...cross]).sort(byFormOrder) };
  }
  const parsed = checked.data;

  const chosen = byId.get(parsed.type)!;
  const detail = chosen.detail === 'gemeente' ? parsed.gemeente : chosen.detail === 'omschrijving' ? parsed.omschrijving : undefined;
  return {
    ok: true,
    form: {
      type: chosen,
      detail,
      meetingAt: DateTime.fromISO(`${parsed.date}T${parsed.time}`, { zone: timeZone(ctx.zone) }).toJSDate(),
      date: parsed.date,
      time: parsed.time,
      organiser: parsed.organiser,
      caseRefs: splitRefs(parsed.caseRefs).map((r) => r.toUpperCase()),
      answers: {
        involved: parsed.involved === 'ja',
        legalBasis: parsed.legalBasis,
        coreTasks: parsed.coreTasks === 'ja',
        concreteActions: parsed.concreteActions === 'ja',
        concreteReason: chosen.thematic ? parsed.concreteReason === 'ja' : undefined,
        canOnline: parsed.canOnline === 'ja',
        colleagueGoing: parsed.colleagueGoing === 'ja',
        writtenEnough: parsed.writtenEnough === 'ja',
      },
    },
  };
}

const splitRefs = splitCaseReferences;
