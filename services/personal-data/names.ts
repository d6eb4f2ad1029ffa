import type { NameSources } from './sources';
import { isStaffName, type StaffIndex } from './staff';
import type { CompiledVocabulary } from './vocabulary';

/**
 * Names of people who are not the office's own staff: a youth, a parent, a mentor. Found from
 * maintained name lists plus how Dutch writes names:
 * - a known first name, capitalised ("Mohammed", also at the start of a sentence when the word is
 *   not an ordinary Dutch word or is a Dutch given name such as "Fleur") or in lower case when it
 *   is no Dutch word at all ("thijs"); the surname after it is part of the name, with particles
 *   ("Mohammed El Idrissi", "Emma van den Berg");
 * - a capitalised word after a title or family word ("mevrouw Yilmaz", "familie Öztürk",
 *   "stiefvader Kees Brouwer");
 * - a surname with a capitalised particle ("De Groot", "Van der Linden").
 * Places, partner organisations, school names ("OBS De Regenboog"), months and the office's own
 * words are never a name; neither is a colleague's name.
 */

export interface NameMatch {
  index: number;
  end: number;
}

interface Token {
  text: string;
  lower: string;
  index: number;
  end: number;
  capitalised: boolean;
  allCaps: boolean;
  /** First word of a sentence, line, or after a colon. */
  sentenceStart: boolean;
  /** Only spaces between the previous word and this one. */
  joined: boolean;
  /** Followed directly by a full stop and more text in lower case or a digit: an abbreviation ("Max. 2"). */
  abbreviation: boolean;
  /** Part of a place, organisation or another finding. */
  known: boolean;
}

export interface NameContext {
  vocabulary: CompiledVocabulary;
  sources: NameSources;
  staff: StaffIndex;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*-?/gu;
const SENTENCE_END = /[.!?:;\n•]/;
const ABBREVIATION = /^\.\s*[\p{Ll}\d]/u;
const CALENDAR = new Set([
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
]);

function tokenize(text: string, blocked: Array<{ index: number; end: number }>, ctx: NameContext): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].endsWith('-') ? m[0].slice(0, -1) : m[0];
    const index = m.index;
    const end = index + raw.length;
    const gap = text.slice(previousEnd, index);
    previousEnd = index + m[0].length;
    const first = raw.charAt(0);
    const lower = raw.toLowerCase();
    const capitalised = first !== lower.charAt(0);
    tokens.push({
      text: raw,
      lower,
      index,
      end,
      capitalised,
      allCaps: capitalised && raw.length > 1 && raw === raw.toUpperCase(),
      sentenceStart: tokens.length === 0 || SENTENCE_END.test(gap),
      joined: tokens.length > 0 && (gap === ' ' || (gap.length > 0 && gap.trim() === '' && !gap.includes('\n'))),
      abbreviation: text.charCodeAt(end) === 46 && ABBREVIATION.test(text.slice(end, end + 3)),
      known: blocked.some((b) => b.index < end && b.end > index) || CALENDAR.has(lower) || ctx.vocabulary.officeWords.has(lower) || ctx.sources.places.has(lower),
    });
  }
  return tokens;
}

/** Whether a word (or every part of a hyphenated one) is on a name list. */
function onList(lower: string, ...lists: Array<ReadonlySet<string>>): boolean {
  if (lists.some((l) => l.has(lower))) return true;
  const parts = lower.split('-');
  return parts.length > 1 && parts.every((p) => lists.some((l) => l.has(p)));
}

export function findNames(text: string, blocked: Array<{ index: number; end: number }>, ctx: NameContext): NameMatch[] {
  const { vocabulary: v, sources: s } = ctx;
  const tokens = tokenize(text, [...blocked, ...[...text.matchAll(v.knownNames)].map((m) => ({ index: m.index, end: m.index + m[0].length }))], ctx);
  const matches: NameMatch[] = [];
  const isName = (t: Token) => onList(t.lower, s.firstNames, s.surnames);
  const isParticle = (t: Token) => v.particles.has(t.lower);
  /** A capitalised word that can be (part of) a surname. */
  const surnameWord = (t: Token | undefined) => !!t && t.joined && t.capitalised && !t.allCaps && !t.known && !v.notNames.has(t.lower) && t.text.length > 1;
  const afterSchoolWord = (i: number) => i > 0 && tokens[i]!.joined && v.schoolWords.has(tokens[i - 1]!.lower);

  /** From token i on: particles and a surname; returns the index of the surname's last word, or i - 1. */
  function surnameFrom(i: number, lowerCase: boolean): number {
    let j = i;
    let particles = 0;
    while (j < tokens.length && tokens[j]!.joined && isParticle(tokens[j]!) && particles < 3) {
      j += 1;
      particles += 1;
    }
    const t = tokens[j];
    if (surnameWord(t)) return j;
    if (lowerCase && t && t.joined && !t.capitalised && particles > 0 && isName(t)) return j;
    return i - 1;
  }

  /** After a title ("familie El Amrani", "mevrouw Bakker") only a colleague's full name is a colleague. */
  function record(first: number, last: number, afterTitle = false): void {
    const words = tokens.slice(first, last + 1).filter((t) => !isParticle(t)).map((t) => t.lower);
    const next = tokens[last + 1];
    // "Amadeus Lyceum", "Van Goghcollege": a school's name.
    if (next?.joined && v.schoolWords.has(next.lower)) return;
    const colleague = isStaffName(ctx.staff, words) && (!afterTitle || words.length > 1);
    if (!colleague) matches.push({ index: tokens[first]!.index, end: tokens[last]!.end });
  }

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.known || t.allCaps) {
      i += 1;
      continue;
    }

    // "mevrouw Yilmaz", "dhr. Van der Linden", "familie Öztürk", "stiefvader Kees Brouwer"
    if (v.personTitles.has(t.lower)) {
      const next = i + 1;
      const nextToken = tokens[next];
      const close = nextToken && /^[\s.:]*$/.test(text.slice(t.end, nextToken.index));
      if (close) {
        const honorific = v.honorifics.has(t.lower);
        let first = next;
        if (honorific) while (first < tokens.length && isParticle(tokens[first]!) && first - next < 3) first += 1;
        const candidate = tokens[first];
        if (candidate && candidate.capitalised && candidate.text.length > 1 && !candidate.allCaps && !candidate.known && !v.notNames.has(candidate.lower)) {
          let last = first;
          while (last + 1 < tokens.length) {
            const end = surnameFrom(last + 1, false);
            if (end <= last) break;
            last = end;
          }
          record(next, last, true);
          i = last + 1;
          continue;
        }
      }
    }

    // "OBS De Regenboog", "Christelijk Lyceum Zeist": the school's name is not a person.
    if (afterSchoolWord(i) && t.capitalised) {
      while (i < tokens.length && tokens[i]!.joined && (tokens[i]!.capitalised || isParticle(tokens[i]!))) i += 1;
      continue;
    }

    // "De Groot", "Van der Linden", "El Khatib" without a first name.
    if (t.capitalised && isParticle(t) && !(t.sentenceStart && ['de', 'het'].includes(t.lower))) {
      const last = surnameFrom(i, false);
      if (last > i) {
        const surname = tokens[last]!;
        const written = tokens.slice(i, last + 1).map((x) => x.lower).join(' ');
        const generic = ['de', 'het'].includes(t.lower);
        if (s.compoundSurnames.has(written) || isName(surname) || (!generic && !s.ordinaryWords.has(surname.lower))) {
          record(i, last);
          i = last + 1;
          continue;
        }
      }
    }

    // A first name or surname, and what follows it.
    if (t.text.length > 1 && !v.notNames.has(t.lower) && !t.abbreviation) {
      const lowerCase = !t.capitalised;
      let start = false;
      let needsSurname = false;
      if (lowerCase) {
        start = t.text.length > 2 && s.firstNames.has(t.lower) && !s.ordinaryWords.has(t.lower);
      } else if (isName(t)) {
        start = true;
        // At the start of a sentence an ordinary word ("Klein aantal", "Storm") only counts with a
        // surname after it, unless it is a Dutch given name ("Fleur zit thuis").
        needsSurname = t.sentenceStart && s.ordinaryWords.has(t.lower) && !s.dutchFirstNames.has(t.lower);
      }
      // A title ("Oma", "Moeder") is never a name itself.
      if (start && !isParticle(t) && !v.personTitles.has(t.lower)) {
        let last = i;
        // A second given name or the surname: "Anne Sophie de Wit", "Noah Bakker".
        for (let hops = 0; hops < 2; hops++) {
          const end = surnameFrom(last + 1, lowerCase);
          if (end <= last) break;
          last = end;
        }
        if (!needsSurname || last > i) {
          record(i, last);
          i = last + 1;
          continue;
        }
      }
    }
    i += 1;
  }
  return matches;
}
