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
/** Street-name endings that are (almost) only used for streets: matched in any case. */
const STREET_SUFFIX = 'straat|laan|weg|plein|singel|gracht|kade|dijk|dreef|steeg|plantsoen|straatweg|burgwal|wal|haven|hof|park|markt|pad|baan|erf';
/** The same endings as separate capitalised words ("Oude Gracht 45", "Grote Markt 7"). */
const STREET_WORD = 'Straat|Laan|Weg|Plein|Singel|Gracht|Kade|Dijk|Dreef|Steeg|Plantsoen|Wal|Haven|Hof|Park|Markt';
/** A number followed by one of these is a count or duration, not a house number ("onderweg 10 minuten"). */
const NOT_HOUSE_NUMBER = String.raw`(?!\s*(?:%|uur|u\b|min|minuten|sec|keer|dagen|dag\b|weken|week|maanden|maand|jaar|leerlingen|casussen|dossiers|procent|euro))`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z]\b|\s?-\s?\d{1,4}\b|\s+bis\b)?${NOT_HOUSE_NUMBER}(?!\d)`;

/** Day and month in range, a four-digit year in 1900–2099 (times like 14.30-15.30 are not dates). */
function plausibleDate(day: number, month: number, year?: string): boolean {
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  if (year && year.length === 4) return Number(year) >= 1900 && Number(year) <= 2099;
  return true;
}

const SEP = String.raw`[\s.\-]`;

const PATTERNS: Array<{ kind: PersonalDataKind; re: RegExp; check?: (match: RegExpMatchArray) => boolean }> = [
  { kind: 'e-mailadres', re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu },

  // Numeric dates: 1-2-2012, 01/02/12, 1.2.2012 (day-month-year), 2012-02-01 (ISO)
  {
    kind: 'geboortedatum',
    re: /(?<![\d.,:/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d:]|[.,]\d)/g,
    check: (m) => plausibleDate(Number(m[1]), Number(m[3]), m[4]),
  },
  { kind: 'geboortedatum', re: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g, check: (m) => plausibleDate(Number(m[3]), Number(m[2]), m[1]) },
  // Written dates with a year: 3 maart 2012, 3 mrt. '12, 21 DECEMBER 2013 (not "15 juni 14:30")
  { kind: 'geboortedatum', re: new RegExp(String.raw`\b\d{1,2}\s*(?:${MONTHS})\.?\s*(?:'\d{2}|\d{4}|\d{2})(?![\d:.]\d|\d)`, 'giu') },
  // Anything date-like after a birth keyword: geboren op 3 juli, geb. 2010, geboren in maart 2012
  {
    kind: 'geboortedatum',
    re: new RegExp(String.raw`\b(?:geboren|geb\.?|geboortedatum|geboortejaar|geb\.?\s?datum)\s*(?:op|in|:)?\s*(?:\d{1,4}\b|(?:${MONTHS})\b)`, 'giu'),
  },

  // Dutch phone numbers, national (10 digits from the leading 0) and international (+31 / 0031)
  { kind: 'telefoonnummer', re: /(?:\+|\b00)\s?31[\s.-]*(?:\(0\)|0)?[\s.-]*\d(?:[\s.\-)]{0,2}\d){8}(?!\d)/g },
  { kind: 'telefoonnummer', re: /(?<![\d+,.])\(?0\d(?:[\s.\-)]{0,2}\d){8}(?!\d|[.,]\d)/g },

  // Postcode (1234 AB; Dutch postcodes never use SA, SD or SS), not "2025 VO-scholen"
  { kind: 'adres', re: /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}-])/gu },
  // Postcode in lower case after the word postcode
  { kind: 'adres', re: /\bpostcode\W{0,3}[1-9]\d{3}\s?[a-z]{2}\b/giu },
  // Street + house number: Kerkstraat 12, Dorpsstraat 5a, Stationsweg 3-2, Molenkade 8 bis
  { kind: 'adres', re: new RegExp(String.raw`\b\p{L}[\p{L}'-]*(?:${STREET_SUFFIX})\s+${HOUSE_NUMBER}`, 'giu') },
  // Capitalised street words: Oude Gracht 45, Grote Markt 7, Laan van Meerdervoort 100
  { kind: 'adres', re: new RegExp(String.raw`\b(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:${STREET_WORD})\s+${HOUSE_NUMBER}`, 'gu') },
  { kind: 'adres', re: new RegExp(String.raw`\b(?:${STREET_WORD})\s+(?:van|der|de|den|het|te|ter|op|naar|in|aan)\s+(?:[\p{L}'-]+\s+){0,3}${HOUSE_NUMBER}`, 'gu') },

  // BSN: 9 digits, plain or grouped 3-3-3, 4-2-3 or 2-2-2-3, valid by elfproef
  {
    kind: 'bsn',
    re: new RegExp(String.raw`(?<![\d,])(?:\d{9}|\d{3}${SEP}\d{3}${SEP}\d{3}|\d{4}${SEP}\d{2}${SEP}\d{3}|\d{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{3})(?![\d,]|\.\d)`, 'g'),
    check: (m) => isValidBsn(m[0].replace(/\D/g, '')),
  },
  // Any 8- or 9-digit number labelled as BSN, valid or not: the user meant one
  { kind: 'bsn', re: /\b(?:bsn|burgerservicenummer|sofinummer)\W{0,3}(?:\d[\s.-]?){7,8}\d\b/giu },
];

export function findPersonalData(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { kind, re, check } of PATTERNS) {
    re.lastIndex = 0;
    for (const match of text.matchAll(re)) {
      if (check && !check(match)) continue;
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
 * name. Digits that look like a BSN (9 digits in one run or in a BSN grouping such as 123 456 782
 * or 1234.56.782) passing the elfproef are refused; "2023/00456" is a case reference.
 */
const BSN_LIKE = new RegExp(String.raw`^[A-Za-z]{0,4}[-/]?(?:\d{9}|\d{3}${SEP}\d{3}${SEP}\d{3}|\d{4}${SEP}\d{2}${SEP}\d{3}|\d{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{3})$`);

export const caseReferenceSchema = z
  .string({ error: 'vul een casusnummer in' })
  .trim()
  .refine((ref) => !(BSN_LIKE.test(ref) && isValidBsn(ref.replace(/\D/g, ''))), 'dit lijkt een BSN; gebruik het casusnummer uit Carel')
  .refine((ref) => /^[A-Za-z]{0,4}[-/]?\d[\d/-]{2,19}$/.test(ref), 'een casusnummer bestaat uit cijfers, eventueel met een voorvoegsel zoals C-2024-0012 (geen namen)');
