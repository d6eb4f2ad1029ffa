/**
 * Vocabulary of help requests: the ids are stored, the Dutch labels are shown. Cards and the
 * dashboard both show them, so they live here, below both layers.
 */
export const HELP_KINDS = {
  overnemen: 'Tijdelijk casus(sen) overnemen',
  duo: 'Duo-aanpak bij een complexe casus',
  vervanging: 'Vervanging bij afwezigheid',
  meedenken: 'Meedenken',
} as const;

export const HELP_REASONS = {
  piekbelasting: 'Piekbelasting',
  complex: 'Complexe casus',
  ziekte: 'Ziekte',
  verlof: 'Verlof',
  anders: 'Anders',
} as const;

export const URGENCIES = {
  vandaag: 'Vandaag',
  week: 'Deze week',
  later: 'Komende weken',
} as const;

export const STATUS_LABELS = {
  open: 'Open',
  aangeboden: 'Hulp aangeboden',
  toegewezen: 'Toegewezen',
  afgerond: 'Afgerond',
  ingetrokken: 'Ingetrokken',
} as const;

/** "1 casus", "3 casussen". */
export const casussen = (n: number) => `${n} ${n === 1 ? 'casus' : 'casussen'}`;
