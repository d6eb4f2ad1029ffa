import type { ExecutionStatus } from './rings';

/** Dutch words for the MDO feature's codes, shared by advice, cards and the overview. */
export const MDO_CATEGORIES = ['essentieel', 'belangrijk', 'laag-urgent'] as const;
export type MdoCategory = (typeof MDO_CATEGORIES)[number];

export const MDO_OUTCOMES = ['juridische-toets', 'niet-deelnemen', 'schriftelijk', 'vertegenwoordigen', 'online', 'fysiek'] as const;
export type MdoOutcome = (typeof MDO_OUTCOMES)[number];

export const CATEGORY_LABEL: Record<MdoCategory, string> = {
  essentieel: 'Essentieel',
  belangrijk: 'Belangrijk',
  'laag-urgent': 'Laag-urgent',
};

/** The report's own definitions of the priority categories. */
export const CATEGORY_TEXT: Record<MdoCategory, string> = {
  essentieel: 'overleggen waarin besluiten worden genomen over jeugdigen waarbij leerplichtconsulenten op dat moment actief betrokken zijn.',
  belangrijk: 'overleggen die bijdragen aan de veiligheid en het ontwikkelingsperspectief van de jeugdigen in onze regio.',
  'laag-urgent': 'overleggen met een meer overstijgend, signalerend karakter.',
};

export const OUTCOME_LABEL: Record<MdoOutcome, string> = {
  'juridische-toets': 'Eerst juridische toets',
  'niet-deelnemen': 'Niet deelnemen',
  schriftelijk: 'Schriftelijke inbreng',
  vertegenwoordigen: 'Laten vertegenwoordigen',
  online: 'Online deelnemen',
  fysiek: 'Fysiek deelnemen',
};

/** Outcomes where the consulent attends the meeting (a reminder makes sense). */
export const ATTENDS: ReadonlySet<MdoOutcome> = new Set<MdoOutcome>(['online', 'fysiek']);

export const EXECUTION_STATUS_LABEL: Record<ExecutionStatus, string> = {
  normaal: 'wordt normaal uitgevoerd',
  soberder: 'wordt soberder uitgevoerd',
  intensiever: 'wordt intensiever uitgevoerd',
  niet: 'wordt tijdelijk niet uitgevoerd',
};
