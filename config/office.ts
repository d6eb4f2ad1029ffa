import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { capacityRulesSchema, defaultCapacityRules } from './capacity-rules';
import { ConfigError } from './env';
import { defaultMdoCatalogue, mdoCatalogueSchema } from './mdo-catalogue';
import { defaultMonitoringRules, monitoringRulesSchema } from './monitoring-rules';
import { defaultPrivacyVocabulary, privacyVocabularySchema } from './privacy';
import { defaultRingModel, ringModelSchema } from './rings';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const regioteamSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or dashes'),
  name: z.string().min(1),
  /** Open cases one full-time consulent is expected to carry; the weekstart compares against it. */
  caseloadNorm: z.number().int().positive().default(60),
});
export type Regioteam = z.infer<typeof regioteamSchema>;

/** What the office calls its roles (the Overzicht tab's header); everyone without a configured role is a medewerker. */
export const roleNamesSchema = z.object({
  mt: z.string().min(1).default('MT'),
  teamleider: z.string().min(1).default('Teamleider'),
  beleid: z.string().min(1).default('Beleidsmedewerker'),
  medewerker: z.string().min(1).default('Leerplichtconsulent'),
});

export const officeSchema = z.object({
  name: z.string().default('RBL'),
  roleNames: roleNamesSchema.prefault({}),
  regioteams: z.array(regioteamSchema).min(1),
  /** Public holidays (working-day arithmetic skips them). */
  publicHolidays: z.array(isoDate).default([]),
  /** School holidays (school-week arithmetic and the weekstart skip them). */
  schoolHolidays: z.array(z.object({ name: z.string(), from: isoDate, to: isoDate })).default([]),
  /** Half-yearly evaluation of the model, tied to RAO Onderwijs meetings. */
  evaluationDates: z.array(isoDate).default([]),
  /** Whether consulenten may see colleagues' per-person workload figures of other teams. */
  showOtherTeamsWorkload: z.boolean().default(false),
  rings: ringModelSchema.default(defaultRingModel),
  mdoCatalogue: mdoCatalogueSchema.default(defaultMdoCatalogue),
  monitoringRules: monitoringRulesSchema.default(defaultMonitoringRules),
  /** When the weekly capacity snapshots become a signal to the MT. */
  capacity: capacityRulesSchema.default(defaultCapacityRules),
  /** Words the personal-data screen uses (health terms, birth words, places, organisations). */
  privacy: privacyVocabularySchema.default(defaultPrivacyVocabulary),
});
export type Office = z.infer<typeof officeSchema>;

/** Defaults taken from the report: two regioteams; holidays for school year 2026-2027 (regio midden). */
export const defaultOfficeInput: z.input<typeof officeSchema> = {
  name: 'RBL',
  regioteams: [
    { id: 'noord', name: 'Regioteam Noord', caseloadNorm: 60 },
    { id: 'zuid', name: 'Regioteam Zuid', caseloadNorm: 60 },
  ],
  publicHolidays: [
    '2026-12-25', '2026-12-26', '2027-01-01', '2027-03-28', '2027-03-29', '2027-04-27',
    '2027-05-05', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26',
  ],
  schoolHolidays: [
    { name: 'Herfstvakantie', from: '2026-10-17', to: '2026-10-25' },
    { name: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
    { name: 'Voorjaarsvakantie', from: '2027-02-20', to: '2027-02-28' },
    { name: 'Meivakantie', from: '2027-04-24', to: '2027-05-02' },
    { name: 'Zomervakantie', from: '2027-07-17', to: '2027-08-29' },
  ],
  evaluationDates: ['2027-03-15', '2027-09-15'],
};

/** The regioteam a user names: by id ("noord"), full name or name without "Regioteam". */
export function findRegioteam(office: Pick<Office, 'regioteams'>, text: string): Regioteam | undefined {
  const wanted = text.trim().toLowerCase();
  return office.regioteams.find((t) => t.id === wanted || t.name.toLowerCase() === wanted || t.name.toLowerCase() === `regioteam ${wanted}`);
}

export function parseOffice(input: unknown, source = 'office configuration'): Office {
  const result = officeSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`Invalid ${source}: ${lines.join('; ')}`);
  }
  return result.data;
}

/** Reads the office model from a JSON file (WENDBAAR_OFFICE_FILE) or falls back to the defaults. */
export function loadOffice(file?: string): Office {
  if (!file) return parseOffice(defaultOfficeInput);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`WENDBAAR_OFFICE_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  return parseOffice(raw, `WENDBAAR_OFFICE_FILE ${file}`);
}
