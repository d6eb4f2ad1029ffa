/**
 * Contact details and identity numbers: e-mail, phone numbers in any Dutch writing, BSN (elfproef),
 * IBAN (mod 97), postcodes and street addresses. Pure functions over the text; the caller decides
 * what an overlap means.
 */

export interface Match {
  kind: 'e-mailadres' | 'telefoonnummer' | 'bsn' | 'iban' | 'adres';
  index: number;
  end: number;
}

/** The elfproef for BSN: 9 digits, weights 9..2 and -1, sum divisible by 11. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0 && Number(d) !== 0;
}

/** ISO 13616: move the first four characters to the end, letters to numbers, remainder 97 must be 1. */
export function isValidIban(iban: string): boolean {
  const text = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(text)) return false;
  let remainder = 0;
  for (const char of text.slice(4) + text.slice(0, 4)) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** IBAN lengths of the countries families here bank in (SEPA and neighbours). */
const IBAN_LENGTH: Record<string, number> = {
  NL: 18, BE: 16, DE: 22, FR: 27, LU: 20, GB: 22, IE: 22, ES: 24, PT: 25, IT: 27, AT: 20, CH: 21, PL: 28, RO: 24, TR: 26, DK: 18,
  SE: 24, NO: 15, FI: 18, CZ: 24, SK: 24, HU: 28, HR: 21, SI: 19, BG: 22, GR: 27, LT: 20, LV: 21, EE: 20, MT: 31, CY: 28,
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * A run of digits with the separators people use in phone numbers (spaces, dashes, " - ", dots,
 * slashes, brackets), starting with +, 00, ( or 0. Its digits decide: a Dutch number is 0 and nine
 * digits, or 31 and nine digits (an optional (0) after it); other countries 8 to 13 digits after +.
 */
const PHONE = /(?<![\p{L}\p{N}+.,/:-])(?:\+|\(?0)[\d\s()./-]*\d(?![\p{N}]|[:,]\d)/gu;

function phoneEnd(text: string, index: number, raw: string): number | undefined {
  // Try the longest digit run first, then shorter ones ending at a digit: "06 12 34 56 78 om 10:00".
  for (let end = raw.length; end > 0; end--) {
    if (!/\d/.test(raw[end - 1]!)) continue;
    const candidate = raw.slice(0, end);
    const next = text.slice(index + end, index + end + 2);
    if (/^\d|^[.:,]\d/.test(next)) continue;
    if (/\d[\s./-]{4,}\d|\)\s*\(/.test(candidate)) continue;
    let digits = candidate.replace(/\D/g, '');
    if (candidate.startsWith('+')) {
      if (digits.startsWith('31')) {
        digits = digits.slice(2);
        if (/^31\s*\(0\)/.test(candidate.slice(1))) digits = digits.slice(1);
        if (digits.length === 9 && digits[0] !== '0') return end;
      } else if (digits.length >= 8 && digits.length <= 13) {
        return end;
      }
    } else if (digits.startsWith('0031')) {
      digits = digits.slice(4);
      if (digits.startsWith('0')) digits = digits.slice(1);
      if (digits.length === 9) return end;
    } else if (digits.length === 10 && digits[0] === '0' && digits[1] !== '0') {
      return end;
    }
  }
  return undefined;
}

const SEP = String.raw`[\s.-]`;
const BSN = new RegExp(
  String.raw`(?<!\d|\d[.,])(?:\d{9}|\d{3}${SEP}\d{3}${SEP}\d{3}|\d{4}${SEP}\d{2}${SEP}\d{3}|\d{2}${SEP}\d{2}${SEP}\d{2}${SEP}\d{3})(?!\d|[.,]\d)`,
  'g',
);
/** An 8- or 9-digit number labelled as BSN counts, valid or not: the writer meant one. */
const LABELLED_BSN = /\b(?:bsn|burgerservicenummer|sofinummer)(?:[\s.:-]*(?:nr|nummer)\.?)?\W{0,3}(?:\d[\s.-]?){7,8}\d\b/giu;

/** Country code, check digits, then 11 to 30 letters or digits, optionally in groups. */
const IBAN = /(?<![\p{L}\p{N}])([a-z]{2})[\s-]?(\d{2})((?:[\s-]?[a-z0-9]){11,30})/giu;

/** Postcode 1234 AB (never SA, SD or SS); years with an office abbreviation ("2027 MT") are not one. */
const POSTCODE = /(?<![\p{L}\p{N}-])([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})(?![\p{L}\p{N}-])/gu;
const LOWER_POSTCODE = /\bpostcode\W{0,3}[1-9]\d{3}\s?[a-z]{2}\b/giu;
const OFFICE_ABBREVIATIONS = new Set(['MT', 'VO', 'PO', 'BC', 'OM', 'SO', 'HO', 'RO']);

/** Street-name endings that are (almost) only used for streets: matched in any case. */
const STREET_SUFFIX = 'straat|laan|weg|plein|singel|gracht|kade|dijk|dreef|steeg|plantsoen|straatweg|burgwal|wal|haven|hof|park|markt|pad|baan|erf';
/** The same endings as separate capitalised words ("Oude Gracht 45", "Grote Markt 7"). */
const STREET_WORD = 'Straat|Laan|Weg|Plein|Singel|Gracht|Kade|Dijk|Dreef|Steeg|Plantsoen|Wal|Haven|Hof|Park|Markt';
/** A number followed by one of these is a count or duration, not a house number ("onderweg 10 minuten"). */
const NOT_HOUSE_NUMBER = String.raw`(?!\s*(?:%|uur|u\b|min|minuten|sec|keer|dagen|dag\b|weken|week|maanden|maand|jaar|leerlingen|casussen|dossiers|procent|euro))`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:\s?[a-zA-Z]\b|\s?-\s?\d{1,4}\b|\s+bis\b)?${NOT_HOUSE_NUMBER}(?!\d)`;
const CAPITALISED = String.raw`\p{Lu}[\p{L}'-]*`;

const STREETS: RegExp[] = [
  // Kerkstraat 12, Dorpsstraat 5a, Stationsweg 3-2, Molenkade 8 bis
  new RegExp(String.raw`\b\p{L}[\p{L}'-]*(?:${STREET_SUFFIX})\s+${HOUSE_NUMBER}`, 'giu'),
  // Lange Nieuwstraat 3, Prins Hendriklaan 12, Burgemeester Norbruislaan 7 (the capitalised words before belong to it)
  new RegExp(String.raw`\b(?:${CAPITALISED}\s+){1,2}\p{L}[\p{L}'-]*(?:${STREET_SUFFIX})\s+${HOUSE_NUMBER}`, 'gu'),
  // Oude Gracht 45, Grote Markt 7
  new RegExp(String.raw`\b(?:${CAPITALISED}\s+){1,3}(?:${STREET_WORD})\s+${HOUSE_NUMBER}`, 'gu'),
  // Laan van Meerdervoort 100, Laan van Nieuw-Guinea 33
  new RegExp(String.raw`\b(?:${STREET_WORD})\s+(?:van|der|de|den|het|te|ter|op|naar|in|aan)\s+(?:[\p{L}'-]+\s+){0,3}${HOUSE_NUMBER}`, 'gu'),
  // Any capitalised name with a number after an address word: "Adres Vredenburg 40", "woont aan de Biltstraat 101"
  // (no i flag: it would make \p{Lu} match any letter)
  new RegExp(String.raw`\b(?:[Aa]dres|[Ww]oont|[Ww]oonachtig|[Vv]erblijft|[Vv]erhuisd\s+naar|[Pp]/a)\b[\s:]*(?:(?:op|aan|in)\s+)?(?:(?:de|het)\s+)?((?:${CAPITALISED}\s+){1,3}${HOUSE_NUMBER})`, 'gu'),
];

export function findNumbers(text: string): Match[] {
  const matches: Match[] = [];
  const add = (kind: Match['kind'], index: number, end: number) => matches.push({ kind, index, end });

  // Cheap checks first: most text has no @ and no BSN or postcode label.
  const lower = text.toLowerCase();
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) add('e-mailadres', m.index, m.index + m[0].length);

  for (const m of text.matchAll(IBAN)) {
    const country = m[1]!.toUpperCase();
    const length = IBAN_LENGTH[country];
    if (!length) continue;
    // Walk the characters until the country's length is reached: "… 1234 56 t.n.v." stops before "t".
    let compact = '';
    let end = m.index;
    for (let i = m.index; i < m.index + m[0].length && compact.length < length; i++) {
      if (/[\p{L}\p{N}]/u.test(text[i]!)) compact += text[i];
      end = i + 1;
    }
    if (compact.length === length && isValidIban(compact)) add('iban', m.index, end);
  }

  for (const m of text.matchAll(PHONE)) {
    const end = phoneEnd(text, m.index, m[0]);
    if (end !== undefined) add('telefoonnummer', m.index, m.index + end);
  }

  for (const m of text.matchAll(BSN)) {
    if (isValidBsn(m[0].replace(/\D/g, ''))) add('bsn', m.index, m.index + m[0].length);
  }
  if (/bsn|burgerservice|sofinummer/.test(lower)) for (const m of text.matchAll(LABELLED_BSN)) add('bsn', m.index, m.index + m[0].length);

  for (const m of text.matchAll(POSTCODE)) {
    const year = Number(m[1]);
    if (year >= 1900 && year <= 2099 && OFFICE_ABBREVIATIONS.has(m[2]!)) continue;
    add('adres', m.index, m.index + m[0].length);
  }
  if (lower.includes('postcode')) for (const m of text.matchAll(LOWER_POSTCODE)) add('adres', m.index, m.index + m[0].length);
  for (const pattern of STREETS) {
    for (const m of text.matchAll(pattern)) {
      // With an address word before it, only the street and number are the address.
      const index = m[1] ? m.index + m[0].length - m[1].length : m.index;
      add('adres', index, m.index + m[0].length);
    }
  }
  return matches;
}
