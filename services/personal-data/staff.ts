import type { Queryable } from '../db';
import { knownNames } from '../people/store';

/**
 * The office's own people may be named in posts ("Daan neemt over"); everybody else may not. A
 * written name is staff when all its words belong to one colleague: "Daan" and "Daan Jansen" are
 * Daan Jansen, "Daan Vermeer" is somebody else.
 */
export interface StaffIndex {
  /** Per colleague: the words of their name in lower case, particles left out. */
  people: ReadonlyArray<ReadonlySet<string>>;
  /** Every such word of every colleague. */
  words: ReadonlySet<string>;
}

const wordsOf = (name: string, particles: ReadonlySet<string>) =>
  name.toLowerCase().split(/[^\p{L}'-]+/u).filter((w) => w.length > 1 && !particles.has(w));

export function staffIndex(names: Iterable<string>, particles: ReadonlySet<string>): StaffIndex {
  const people: Array<Set<string>> = [];
  const words = new Set<string>();
  for (const name of names) {
    const own = new Set(wordsOf(name, particles));
    if (own.size === 0) continue;
    people.push(own);
    for (const w of own) words.add(w);
  }
  return { people, words };
}

/** Whether the written name (its words in lower case, particles left out) is one colleague. */
export function isStaffName(index: StaffIndex, words: string[]): boolean {
  if (words.length === 0 || !words.every((w) => index.words.has(w))) return false;
  return index.people.some((person) => words.every((w) => person.has(w)));
}

/**
 * Names in the people table (the Teams roster and everyone who used the bot), cached per database
 * for a minute and dropped when this process writes a person; another replica's new colleague is
 * known here within the minute.
 */
const CACHE_MS = 60_000;
let version = 0;
const cache = new WeakMap<object, { at: number; version: number; names: Promise<string[]> }>();

/** Call after writing people, so the next screen reads the names again. */
export function peopleChanged(): void {
  version += 1;
}

export function staffNames(db: Queryable & object, now = Date.now()): Promise<string[]> {
  const entry = cache.get(db);
  if (entry && entry.version === version && now - entry.at < CACHE_MS) return entry.names;
  const names = knownNames(db);
  cache.set(db, { at: now, version, names });
  names.catch(() => cache.delete(db));
  return names;
}
