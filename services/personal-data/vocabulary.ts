import type { Office } from '../../config/office';
import { HEALTH_CATEGORIES, type HealthCategory, type PrivacyVocabulary } from '../../config/privacy';

/** The office's vocabulary turned into regular expressions and sets, once per configuration. */
export interface CompiledVocabulary {
  /** Health terms: capture group n of each pattern is category n. */
  health: { categories: HealthCategory[]; patterns: RegExp[] };
  birthWords: RegExp;
  dateContextWords: ReadonlySet<string>;
  /** Context words that name a meeting or decision; also count right after a date, and as word endings ("directieoverleg"). */
  meetingWords: string[];
  personTitles: ReadonlySet<string>;
  /** Titles after which a particle still belongs to the name ("mevrouw De Groot", not "moeder van Sophie"). */
  honorifics: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  schoolWords: ReadonlySet<string>;
  /** Places and organisations (several words each): their spans are never a person. */
  knownNames: RegExp;
  /** Single lower-case words of office vocabulary (ring, task and MDO names, organisations). */
  officeWords: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
}

const HONORIFICS = ['mevrouw', 'mevr', 'mw', 'meneer', 'heer', 'dhr', 'familie', 'fam'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A term as a pattern: `*` continues the word, a space also matches a hyphen, `#` is a number. */
function termPattern(term: string): string {
  const star = term.endsWith('*');
  const body = (star ? term.slice(0, -1) : term)
    .split(/\s+/)
    .map((part) => escape(part).replace(/#/g, '\\d{1,2}'))
    .join('[\\s-]+');
  return star ? `${body}\\p{L}*` : body;
}

function wordsPattern(terms: string[], flags: string): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(termPattern).join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/**
 * All health terms in two patterns, one capture group per category: terms written in capitals
 * match in capitals only (ADD, ASS), the others in any case. Two scans find every category.
 */
function healthPatterns(health: PrivacyVocabulary['health']): CompiledVocabulary['health'] {
  const categories = HEALTH_CATEGORIES.filter((c) => (health[c] ?? []).length > 0);
  const build = (pick: (term: string) => boolean, flags: string) => {
    const groups = categories.map((c) => {
      const terms = (health[c] ?? []).filter(pick).sort((a, b) => b.length - a.length);
      return `(${terms.length ? terms.map(termPattern).join('|') : '(?!)'})`;
    });
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, flags);
  };
  const isCapitals = (t: string) => t === t.toUpperCase() && /\p{L}/u.test(t);
  return { categories, patterns: [build(isCapitals, 'gu'), build((t) => !isCapitals(t), 'giu')] };
}

/** Words of the office's own model (regioteams, rings, tasks, MDO types): never a person's name. */
function officeModelWords(office: Office): string[] {
  const texts = [
    ...office.regioteams.map((t) => t.name),
    ...office.rings.rings.map((r) => r.name),
    ...office.rings.tasks.map((t) => t.name),
    ...office.mdoCatalogue.map((t) => t.name),
    office.name,
  ];
  return texts.flatMap((text) => text.split(/[^\p{L}]+/u)).filter((w) => w.length > 1);
}

const compiled = new WeakMap<Office, CompiledVocabulary>();

export function compileVocabulary(office: Office): CompiledVocabulary {
  const cached = compiled.get(office);
  if (cached) return cached;
  const vocabulary: PrivacyVocabulary = office.privacy;
  const lower = (terms: string[]) => new Set(terms.map((t) => t.toLowerCase().replace(/\.$/, '')));
  const multiWord = [...vocabulary.places, ...vocabulary.organisations];
  const result: CompiledVocabulary = {
    health: healthPatterns(vocabulary.health),
    birthWords: wordsPattern(vocabulary.birthWords, 'giu')!,
    dateContextWords: lower(vocabulary.dateContextWords),
    meetingWords: [...lower(vocabulary.dateContextWords)].filter((w) => w.length >= 5),
    personTitles: lower(vocabulary.personTitles),
    honorifics: new Set(HONORIFICS.filter((h) => vocabulary.personTitles.includes(h))),
    particles: lower(vocabulary.surnameParticles),
    schoolWords: lower(vocabulary.schoolWords),
    knownNames: wordsPattern(multiWord, 'gu') ?? /(?!)/g,
    officeWords: new Set([...officeModelWords(office), ...multiWord.flatMap((t) => t.split(/[^\p{L}]+/u))].filter(Boolean).map((w) => w.toLowerCase())),
    notNames: lower(vocabulary.notNames),
  };
  compiled.set(office, result);
  return result;
}
