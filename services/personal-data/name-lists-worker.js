// @ts-check
'use strict';
/**
 * Reads the name and word lists for the personal-data screen (see sources.ts) in a worker thread
 * and posts them back as plain arrays.
 *
 * Plain CommonJS on purpose, like the database's worker: one .js file runs the same under jest and
 * tsx (TypeScript sources) and from dist/ (copied there by scripts/copy-assets.js). faker ships ES
 * modules only; a worker loads them with Node's own import(), which the test runner's module system
 * cannot, and reading 180,000 dictionary lines stays off the bot's event loop.
 */
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

const LATIN = /^\p{Script=Latin}[\p{Script=Latin}' -]*$/u;
/** OpenTaal marks places with inhabitant-name flags (PI, PJ, PK); flags are two characters each. */
const PLACE_FLAGS = /^(?:[A-Za-z0-9]{2})*?(?:PI|PJ|PK)/;

/** @param {unknown} value @returns {string[]} */
function namesOf(value) {
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string');
  if (value && typeof value === 'object') return Object.values(value).flatMap(namesOf);
  return [];
}

/** @param {string[]} names */
const keep = (names) => names.filter((n) => LATIN.test(n)).map((n) => n.toLowerCase());

/**
 * The word list holds stems; office text has plurals and inflected forms that are also names
 * ("jaren", "lange", "bomen"). Undoing the regular Dutch endings finds their stems.
 * @param {string} word
 */
function possibleStems(word) {
  const stems = [word];
  for (const ending of ['en', 'e', 's', 'n', 't', 'er', 'de', 'te']) {
    if (!word.endsWith(ending) || word.length <= ending.length + 1) continue;
    const base = word.slice(0, -ending.length);
    stems.push(base);
    if (ending === 'en' || ending === 'e') {
      const open = /^(.*[^aeiou])([aeou])([^aeiou])$/.exec(base); // jaren → jaar, bomen → boom
      if (open) stems.push(`${open[1]}${open[2]}${open[2]}${open[3]}`);
      if (/([^aeiou])\1$/.test(base)) stems.push(base.slice(0, -1)); // ballen → bal
      if (base.endsWith('v')) stems.push(`${base.slice(0, -1)}f`); // brieven → brief
      if (base.endsWith('z')) stems.push(`${base.slice(0, -1)}s`); // huizen → huis
    }
  }
  return stems;
}

/** @param {{ locales: Array<{ url: string; dutch: boolean }>; dictionaryFile: string }} input */
async function readLists(input) {
  const firstNames = new Set();
  const dutchFirstNames = new Set();
  const surnames = new Set();
  const compoundSurnames = new Set();
  for (const { url, dutch } of input.locales) {
    const module = await import(url);
    const person = module.faker.rawDefinitions.person ?? {};
    for (const name of keep(namesOf(person.first_name))) {
      firstNames.add(name);
      if (dutch) dutchFirstNames.add(name);
    }
    for (const name of keep(namesOf(person.last_name))) {
      if (name.includes(' ')) compoundSurnames.add(name);
      surnames.add(name.slice(name.lastIndexOf(' ') + 1));
    }
  }

  /** @type {Map<string, string[]>} */
  const namesByStem = new Map();
  for (const name of new Set([...firstNames, ...surnames])) {
    for (const stem of possibleStems(name)) namesByStem.set(stem, [...(namesByStem.get(stem) ?? []), name]);
  }
  const ordinaryWords = new Set();
  const places = new Set();
  for (const line of readFileSync(input.dictionaryFile, 'utf8').split('\n')) {
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).trim();
    const first = word.charAt(0);
    if (first === first.toLowerCase()) {
      for (const name of namesByStem.get(word) ?? []) ordinaryWords.add(name);
    } else if (slash > 0 && PLACE_FLAGS.test(line.slice(slash + 1))) {
      places.add(word.toLowerCase());
    }
  }
  return {
    firstNames: [...firstNames], dutchFirstNames: [...dutchFirstNames], surnames: [...surnames],
    compoundSurnames: [...compoundSurnames], ordinaryWords: [...ordinaryWords], places: [...places],
  };
}

readLists(workerData).then(
  (lists) => parentPort?.postMessage({ lists }),
  (error) => parentPort?.postMessage({ error: String((error && error.stack) || error) }),
);
