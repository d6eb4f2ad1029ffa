import { z } from 'zod';
import type { HealthCategory } from '../config/privacy';
import type { Office } from '../config/office';
import type { Actor } from './authz';
import { ErrorCode, UserFacingError } from './errors';
import { findBirthDates, type Day } from './personal-data/dates';
import { findNames } from './personal-data/names';
import { findNumbers, isValidBsn } from './personal-data/numbers';
import { nameSources, type NameSources } from './personal-data/sources';
import { staffIndex, type StaffIndex } from './personal-data/staff';
import { compileVocabulary, type CompiledVocabulary } from './personal-data/vocabulary';

export { isValidBsn };

/**
 * The personal-data screen for every free-text field that is posted or stored. Channel posts are
 * read by whole teams and must carry case references only (AVG data minimisation): never a youth's
 * name, birth date, BSN, address, contact details or health details. Ordinary work text — meeting
 * dates, deadlines, case numbers, colleagues' names, gemeenten, partner organisations — passes.
 *
 * findPersonalData is pure and fast (no I/O); what it needs about the office, the day and the
 * staff is prepared once per turn in a ScreenContext.
 */
export type PersonalDataKind = 'naam' | 'geboortedatum' | 'gezondheid' | 'telefoonnummer' | 'e-mailadres' | 'bsn' | 'iban' | 'adres';

export interface Finding {
  kind: PersonalDataKind;
  /** Where in the text, so the refusal can quote it to the writer; never logged. */
  index: number;
  end: number;
  text: string;
  /** For health findings: which special category. */
  category?: HealthCategory;
}

export interface ScreenContext {
  /** Today in the office's time zone: birth dates are judged against it. */
  today: Day;
  vocabulary: CompiledVocabulary;
  sources: NameSources;
  staff: StaffIndex;
}

/** Builds what the screen needs; the name lists load once per process (the first call waits for them). */
export async function screenContext(opts: { office: Office; today: Day; staffNames: Iterable<string> }): Promise<ScreenContext> {
  const vocabulary = compileVocabulary(opts.office);
  return { today: opts.today, vocabulary, sources: await nameSources(), staff: staffIndex(opts.staffNames, vocabulary.particles) };
}

/** When two findings overlap, the first kind here wins (an IBAN's digits are no phone number). */
const PRIORITY: PersonalDataKind[] = ['e-mailadres', 'iban', 'telefoonnummer', 'bsn', 'adres', 'geboortedatum', 'gezondheid', 'naam'];

/** Overlapping matches of one kind become one ("Lange Nieuwstraat 3" and "Nieuwstraat 3"). */
function merged<T extends { index: number; end: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.index - b.index || b.end - a.end);
  const result: T[] = [];
  for (const m of sorted) {
    const last = result.at(-1);
    if (last && m.index < last.end) result[result.length - 1] = { ...last, end: Math.max(last.end, m.end) };
    else result.push(m);
  }
  return result;
}

export function findPersonalData(text: string, ctx: ScreenContext): Finding[] {
  const raw: Array<Omit<Finding, 'text'>> = [];
  for (const m of findNumbers(text)) raw.push(m);
  for (const m of findBirthDates(text, ctx.today, ctx.vocabulary)) raw.push({ kind: 'geboortedatum', ...m });
  const { categories, patterns } = ctx.vocabulary.health;
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const group = m.slice(1).findIndex((g) => g !== undefined);
      raw.push({ kind: 'gezondheid', index: m.index, end: m.index + m[0].length, category: categories[group] });
    }
  }
  const kept: Finding[] = [];
  for (const kind of PRIORITY) {
    const candidates = kind === 'naam' ? findNames(text, kept, ctx).map((m) => ({ kind, ...m })) : merged(raw.filter((f) => f.kind === kind));
    for (const f of candidates) {
      if (kept.some((k) => k.index < f.end && k.end > f.index)) continue;
      kept.push({ ...f, text: text.slice(f.index, f.end) });
    }
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** What the writer should do instead, by the kind of field. */
export type FieldPurpose = 'casus' | 'beleid' | 'organisatie';

export interface ScreenedField {
  label: string;
  purpose: FieldPurpose;
  findings: Finding[];
}

/** The found value as the writer may see it: names, dates and words quoted, numbers masked. */
function shown(f: Finding): string {
  switch (f.kind) {
    case 'naam':
      return `een naam: '${f.text}'`;
    case 'geboortedatum':
      return `een geboortedatum: '${f.text}'`;
    case 'gezondheid':
      return `gezondheidsgegevens (${f.category}): '${f.text}'`;
    case 'adres':
      return `een adres: '${f.text}'`;
    case 'e-mailadres':
      return `een e-mailadres (…${f.text.slice(f.text.indexOf('@'))})`;
    case 'telefoonnummer':
      return `een telefoonnummer (eindigt op ${f.text.replace(/\D/g, '').slice(-2)})`;
    case 'bsn':
      return `een BSN (eindigt op ${f.text.replace(/\D/g, '').slice(-2)})`;
    case 'iban':
      return `een IBAN (eindigt op ${f.text.replace(/[\s-]/g, '').slice(-2)})`;
  }
}

const listed = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);

function advice(purpose: FieldPurpose, actor: Pick<Actor, 'isMt' | 'isBeleid'>): string {
  switch (purpose) {
    case 'casus':
      return 'Berichten in Wendbaar leest het hele team: verwijs naar de jongere met het casusnummer uit Carel en laat naam, geboortedatum, adres, contact- en gezondheidsgegevens weg.';
    case 'organisatie':
      return 'Noem alleen de organisatie, de gemeente of het soort overleg, zonder namen of contactgegevens van personen.';
    case 'beleid':
      return actor.isMt || actor.isBeleid
        ? "Deze tekst leest het hele bureau: beschrijf de groep of de taak zonder namen of persoonsgegevens, bijvoorbeeld 'thuiszitters in Zuid' of 'de zittingen'."
        : 'Je reactie lezen je collega’s en het MT: schrijf in algemene termen, zonder gegevens van jongeren of ouders. Gaat het om een casus, bespreek die dan met je teamleider.';
  }
}

/**
 * The refusal for one or more fields: what was found where, why health data is special, what to
 * write instead for this person and field. Quoting is fine: it goes to the writer only.
 */
export function personalDataRefusal(fields: ScreenedField[], actor: Pick<Actor, 'isMt' | 'isBeleid'>): UserFacingError {
  const parts = fields.map((f, i) => {
    const items = f.findings.map(shown);
    return `${i === 0 ? 'In' : 'in'} "${f.label}" ${items[0]!.startsWith('een ') ? 'staat' : 'staan'} ${listed(items)}`;
  });
  const all = fields.flatMap((f) => f.findings);
  const notes: string[] = [];
  if (all.some((f) => f.kind === 'gezondheid')) {
    notes.push('Gezondheidsgegevens zoals diagnoses, medicatie of behandeling zijn bijzondere persoonsgegevens (AVG art. 9): die horen alleen in het dossier.');
  }
  if (all.some((f) => f.kind === 'geboortedatum' && /\d{4}|'\d{2}/.test(f.text))) {
    notes.push("Gaat het om een afspraak, termijn of periode, schrijf dat er dan bij (bijvoorbeeld 'vanaf …' of 'zitting op … om …').");
  }
  return new UserFacingError(
    ErrorCode.PersonalData,
    [`${parts.join('; ')}.`, ...notes, ...new Set(fields.map((f) => advice(f.purpose, actor))), 'Er is niets verstuurd of opgeslagen.'].join(' '),
    { fields: fields.map((f) => f.label), kinds: [...new Set(all.map((f) => f.kind))] },
  );
}

/**
 * A case reference from the registration system (Carel): letters, digits and dashes, never a
 * name. Digits that look like a BSN (9 digits in one run or in a BSN grouping such as 123 456 782
 * or 1234.56.782) passing the elfproef are refused, and so are phone numbers and dates, which fit
 * the same characters; "2023/00456" is a case reference. Fields of case references are checked
 * with this schema instead of the free-text screen.
 */
const PHONE_LIKE = /^(?:\+|00)\d[\d-]{7,}$|^0[1-9](?:-?\d){8}$/;
const DATE_LIKE = /^(?:\d{1,2}([-/.])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$/;
const isDate = (ref: string) => {
  if (!DATE_LIKE.test(ref)) return false;
  const parts = ref.split(/[-/.]/).map(Number);
  const [day, month] = parts[0]! > 31 ? [parts[2]!, parts[1]!] : [parts[0]!, parts[1]!];
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
};
const SEP = String.raw`[\s.\-]`;
const BSN_LIKE = new RegExp(String.raw`^[A-Za-z]{0,4}[-/]?(?:\d{9}|\d{3}${SEP}\d{3}${SEP}\d{3}|\d{4}${SEP}\d{2}${SEP}\d{3}|\d{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{3})$`);

export const caseReferenceSchema = z
  .string({ error: 'vul een casusnummer in' })
  .trim()
  .refine((ref) => !(BSN_LIKE.test(ref) && isValidBsn(ref.replace(/\D/g, ''))), 'dit lijkt een BSN; gebruik het casusnummer uit Carel')
  .refine((ref) => !PHONE_LIKE.test(ref), 'dit lijkt een telefoonnummer; gebruik het casusnummer uit Carel')
  .refine((ref) => !isDate(ref), 'dit lijkt een datum; gebruik het casusnummer uit Carel')
  .refine((ref) => /^[A-Za-z]{0,4}[-/]?\d[\d/-]{2,19}$/.test(ref), 'een casusnummer bestaat uit cijfers, eventueel met een voorvoegsel zoals C-2024-0012 (geen namen)');

/**
 * The case references in a field as typed: separated by commas, semicolons or spaces. A part
 * between commas that as a whole looks like a BSN, phone number or date ("123 456 782") is kept
 * whole, so the schema refuses it instead of passing its pieces as three case numbers.
 */
export function splitCaseReferences(text: string | undefined): string[] {
  return (text ?? '').split(/[,;]+/).map((part) => part.trim()).filter(Boolean).flatMap((part) => {
    if (!/\s/.test(part)) return [part];
    const whole = caseReferenceSchema.safeParse(part);
    const looksPersonal = !whole.success && whole.error.issues.some((i) => i.message.startsWith('dit lijkt'));
    return looksPersonal ? [part] : part.split(/\s+/);
  });
}
