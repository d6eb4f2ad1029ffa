import { z } from 'zod';
import { ErrorCode, UserFacingError } from './errors';

/**
 * Channel posts are read by whole teams, so free text must not carry personal data (AVG data
 * minimisation). The screen errs on the side of refusing: a false alarm costs a rephrase, a miss
 * puts a youth's data in front of a team.
 */
export type PersonalDataKind = 'bsn' | 'geboortedatum' | 'e-mailadres' | 'telefoonnummer' | 'adres';

export interface Finding {
  kind: PersonalDataKind;
  /** Offset in the text; the matched text itself is never logged. */
  index: number;
}

const KIND_TEXT: Record<PersonalDataKind, string> = {
  bsn: 'een BSN',
  geboortedatum: 'een (geboorte)datum',
  'e-mailadres': 'een e-mailadres',
  telefoonnummer: 'een telefoonnummer',
  adres: 'een adres (postcode en huisnummer of straat en huisnummer)',
};

/** The elfproef for BSN: 9 digits, weights 9..2 and -1, sum divisible by 11. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0 && Number(d) !== 0;
}

const MONTHS = 'jan(?:uari)?|feb(?:ruari)?|maa(?:rt)?|mrt|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const STREET_SUFFIX = 'straat|laan|weg|plein|singel|gracht|kade|dijk|hof|dreef|pad|steeg|park|plantsoen|markt|baan|ring|erf';

const PATTERNS: Array<{ kind: PersonalDataKind; re: RegExp; check?: (match: string) => boolean }> = [
  { kind: 'e-mailadres', re: /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/giu },
  // Numeric dates: 1-2-2012, 01/02/12, 2012-02-01, 1.2.2012
  { kind: 'geboortedatum', re: /\b(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b/g },
  // Written dates: 3 maart 2012, 3 mrt '12, maart 2012 with a day
  { kind: 'geboortedatum', re: new RegExp(`\\b\\d{1,2}\\s*(?:${MONTHS})\\.?\\s*(?:'?\\d{2}|\\d{4})\\b`, 'giu') },
  // Dutch phone numbers: 06-12345678, 0612345678, +31 6 1234 5678, 010-1234567, 0031...
  { kind: 'telefoonnummer', re: /(?:\+|00)31[\s-]?\(?0?\)?[\s-]?\d(?:[\s-]?\d){8}\b|\b0\d(?:[\s-]?\d){8}\b/g },
  // Postcode with house number nearby, or postcode alone (1234 AB)
  { kind: 'adres', re: /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b/g },
  { kind: 'adres', re: new RegExp(`\\b[\\p{L}]+(?:${STREET_SUFFIX})\\s+\\d{1,5}\\s?[a-zA-Z]?\\b`, 'giu') },
  // BSN: 9 digits (optionally grouped), valid by elfproef
  { kind: 'bsn', re: /\b\d{3}[\s.-]?\d{3}[\s.-]?\d{3}\b|\b\d{9}\b/g, check: (m) => isValidBsn(m.replace(/\D/g, '')) },
];

export function findPersonalData(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { kind, re, check } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of text.matchAll(re)) {
      if (check && !check(match[0])) continue;
      findings.push({ kind, index: match.index ?? 0 });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** Refuses free text that contains personal data, naming what was found (not the data itself). */
export function assertNoPersonalData(text: string | undefined, fieldLabel: string): void {
  if (!text) return;
  const kinds = [...new Set(findPersonalData(text).map((f) => f.kind))];
  if (kinds.length === 0) return;
  const what = kinds.map((k) => KIND_TEXT[k]).join(', ');
  throw new UserFacingError(
    ErrorCode.PersonalData,
    `In "${fieldLabel}" staat ${what}. Berichten in Wendbaar worden door het hele team gelezen: gebruik alleen het casusnummer uit Carel en laat persoonsgegevens weg. Er is niets verstuurd.`,
    { field: fieldLabel, kinds },
  );
}

/**
 * A case reference from the registration system (Carel): letters, digits and dashes, never a
 * name. A 9-digit number passing the elfproef is refused because it is probably a BSN.
 */
export const caseReferenceSchema = z
  .string({ error: 'vul een casusnummer in' })
  .trim()
  .regex(/^[A-Za-z]{0,4}[-/]?\d[\d-/]{2,19}$/, 'een casusnummer bestaat uit cijfers, eventueel met een voorvoegsel zoals C-2024-0012 (geen namen)')
  .refine((ref) => !isValidBsn(ref.replace(/\D/g, '')) || ref.replace(/\D/g, '').length !== 9, 'dit lijkt een BSN; gebruik het casusnummer uit Carel');
