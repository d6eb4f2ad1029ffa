import type { CompiledVocabulary } from './vocabulary';

/**
 * Birth dates. A date is personal data when it is presented as a birth date (a birth word next
 * to it: geboren, geb., geboortedatum, verjaardag, leeftijd, "wordt 18") or when it could be a
 * pupil's birth date: in the past, 4 to 23 years before today, and not introduced as a period,
 * deadline or appointment (vanaf, tot, per, zitting, overleg, deadline, "op … om 9:30"). Meeting
 * dates, deadlines and hearings today or later always pass; so do ages ("12 jaar") and years alone.
 */

export interface DateMatch {
  index: number;
  end: number;
}

/** A local calendar day (the office's time zone). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const MONTHS: Array<[RegExp, number]> = [
  [/^jan/, 1], [/^feb/, 2], [/^(?:maa|mrt)/, 3], [/^apr/, 4], [/^mei/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^okt/, 10], [/^nov/, 11], [/^dec/, 12],
];
const MONTH_NAMES = 'jan(?:uari)?|feb(?:ruari)?|maart|maa|mrt|apr(?:il)?|mei|juni|jun|juli|jul|aug(?:ustus)?|sept(?:ember)?|sep|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const NUMERIC = /(?<![\d.,:/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d:]|[.,]\d)/g;
const ISO = /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
const WRITTEN = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,2})\s*(${MONTH_NAMES})\.?(?:\s*('\d{2}|\d{4}))?(?![\p{L}\d]|[:.]\d)`, 'giu');
/** Day and month without a year ("12-06", "15/12"): only a birth date next to a birth word. */
const DAY_MONTH = /(?<![\d.,:/-])(\d{1,2})[-/](\d{1,2})(?![\d/-]|[.,:]\d)/g;
/** A year or month alone right after a birth word: "geboren in 2015", "geb. maart 2012". */
const BIRTH_YEAR = new RegExp(String.raw`^[\s.:]*(?:(?:op|in)\s+)?(?:(?:${MONTH_NAMES})\.?\s+)?(?:(?:19|20)\d{2}|'\d{2})(?!\d)`, 'iu');
const TIME_AFTER = /^[\s,]{0,3}(?:om\s+|van\s+|,\s*)?\d{1,2}[:.]\d{2}\b|^[\s,]{0,3}om\s+\d{1,2}\s*uur/i;
const RANGE_AFTER = /^\s*(?:tot(?:\s+en\s+met)?|t\/m|tm|-|–)\s*\d/i;

interface Candidate {
  index: number;
  end: number;
  date?: Day;
}

function monthOf(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.find(([re]) => re.test(lower))?.[1] ?? 0;
}

function fullYear(year: string, today: Day): number {
  const digits = year.replace("'", '');
  if (digits.length === 4) return Number(digits);
  const short = Number(digits);
  return 2000 + short <= today.year + 1 ? 2000 + short : 1900 + short;
}

const valid = (d: Day) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 && d.year >= 1900 && d.year <= 2099;

function candidates(text: string, today: Day): Candidate[] {
  const found: Candidate[] = [];
  const push = (index: number, length: number, date?: Day) => {
    if (date && !valid(date)) return;
    found.push({ index, end: index + length, date });
  };
  for (const m of text.matchAll(NUMERIC)) push(m.index, m[0].length, { day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4]!, today) });
  for (const m of text.matchAll(ISO)) push(m.index, m[0].length, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  for (const m of text.matchAll(WRITTEN)) {
    const day = Number(m[1]);
    const month = monthOf(m[2]!);
    if (m[3]) push(m.index, m[0].length, { day, month, year: fullYear(m[3], today) });
    else if (day >= 1 && day <= 31) push(m.index, m[0].length);
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    if (Number(m[1]) <= 31 && Number(m[2]) <= 12 && !found.some((c) => c.index <= m.index && c.end > m.index)) push(m.index, m[0].length);
  }
  return found;
}

/** Whole years from `date` to `today`; negative for future dates. */
function yearsBefore(date: Day, today: Day): number {
  let years = today.year - date.year;
  if (today.month < date.month || (today.month === date.month && today.day < date.day)) years -= 1;
  return years;
}

const onOrAfter = (date: Day, today: Day) =>
  date.year !== today.year ? date.year > today.year : date.month !== today.month ? date.month > today.month : date.day >= today.day;

/** The words right before a date (at most three), lower case. */
function wordsBefore(text: string, index: number): string[] {
  const before = text.slice(Math.max(0, index - 40), index);
  const words = before.toLowerCase().match(/[\p{L}/]+/gu) ?? [];
  return words.slice(-3);
}

/** The two words right after a date, lower case: "02-11-21 Directieoverleg", "… zitting". */
function wordsAfter(text: string, end: number): string[] {
  return (text.slice(end, end + 40).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 2);
}

export function findBirthDates(text: string, today: Day, vocabulary: CompiledVocabulary): DateMatch[] {
  const birthWords = [...text.matchAll(vocabulary.birthWords)].map((m) => ({ index: m.index, end: m.index + m[0].length }));
  const nearBirthWord = (c: Candidate) =>
    birthWords.some((w) => (w.end <= c.index && c.index - w.end <= 30) || (w.index >= c.end && w.index - c.end <= 12));

  const matches: DateMatch[] = [];
  for (const c of candidates(text, today)) {
    if (nearBirthWord(c)) {
      matches.push(c);
      continue;
    }
    if (!c.date || onOrAfter(c.date, today)) continue;
    const age = yearsBefore(c.date, today);
    if (age < 4 || age > 23) continue;
    const after = text.slice(c.end, c.end + 20);
    if (TIME_AFTER.test(after) || RANGE_AFTER.test(after)) continue;
    if (wordsBefore(text, c.index).some((w) => vocabulary.dateContextWords.has(w))) continue;
    // A meeting named after the date: "02-11-21 Directieoverleg", "3 maart 2021 zitting".
    if (wordsAfter(text, c.end).some((w) => vocabulary.meetingWords.some((m) => w.endsWith(m)))) continue;
    matches.push(c);
  }
  // "geboren in 2015", "geb. 2010": a year or month alone after a birth word.
  for (const w of birthWords) {
    const year = BIRTH_YEAR.exec(text.slice(w.end, w.end + 30));
    if (year && !matches.some((m) => m.index >= w.end && m.index <= w.end + year[0].length)) {
      matches.push({ index: w.index, end: w.end + year[0].length });
    }
  }
  return matches;
}
