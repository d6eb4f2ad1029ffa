import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Config } from '../../../config';
import { findKind } from '../../../config/monitoring-rules';
import { parseIsoDay, schoolYearOf } from '../../../lib/dates';
import { audit } from '../../audit/store';
import type { Database } from '../../db';
import { configuredPeople, type ConfiguredPerson } from '../../people/store';
import { caseReferenceSchema } from '../../privacy';
import { onceKey, oncePerYearMessage } from '../rules';
import { onceKeyTaken } from '../store/items';
import { createItem } from './start';

/**
 * Imports monitoring items from a CSV export of the registration system. Columns (header row,
 * comma or semicolon): soort, casusnummer, datum (YYYY-MM-DD or DD-MM-YYYY), consulent (Entra
 * object id or UPN of someone the bot knows), regioteam. All rows are validated first; one bad row
 * rejects the whole file, with Dutch messages that name the line ("regel 7").
 */
export class ImportRejected extends Error {
  constructor(readonly problems: string[]) {
    super(`Import geweigerd, er is niets geïmporteerd:\n${problems.join('\n')}`);
    this.name = 'ImportRejected';
  }
}

const HEADER_ALIASES: Record<string, string> = {
  soort: 'kind', kind: 'kind',
  casusnummer: 'caseReference', casus: 'caseReference', case_reference: 'caseReference',
  datum: 'date', date: 'date', startdatum: 'date', einddatum: 'date',
  consulent: 'owner', owner: 'owner', eigenaar: 'owner',
  regioteam: 'regioteam', team: 'regioteam',
};

const dateField = z
  .string({ error: 'datum ontbreekt' })
  .trim()
  .transform((v, ctx) => {
    const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(v);
    const iso = nl ? `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}` : v;
    try {
      parseIsoDay(iso);
      return iso;
    } catch {
      ctx.addIssue({ code: 'custom', message: `ongeldige datum "${v}" (gebruik jjjj-mm-dd of dd-mm-jjjj)` });
      return z.NEVER;
    }
  });

const rowSchema = z.object({
  kind: z.string({ error: 'soort ontbreekt' }).trim().min(1, 'soort ontbreekt'),
  caseReference: caseReferenceSchema,
  date: dateField,
  owner: z.string({ error: 'consulent ontbreekt' }).trim().min(1, 'consulent ontbreekt'),
  regioteam: z.string({ error: 'regioteam ontbreekt' }).trim().min(1, 'regioteam ontbreekt'),
});

export interface ImportResult {
  imported: number;
}

export async function importMonitoringCsv(db: Database, config: Config, csv: string, actor = 'import'): Promise<ImportResult> {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    const delimiter = (csv.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
    records = parse(csv, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportRejected([`${line ? `regel ${line}: ` : ''}het bestand is geen leesbare CSV (${(error as Error).message})`]);
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportRejected(['het bestand is leeg']);
  const columns = header.record.map((h) => HEADER_ALIASES[h.toLowerCase()] ?? '');
  const missing = ['kind', 'caseReference', 'date', 'owner', 'regioteam'].filter((c) => !columns.includes(c));
  if (missing.length) throw new ImportRejected([`regel ${header.info.lines}: kolommen ontbreken; verwacht soort, casusnummer, datum, consulent, regioteam`]);

  // Consulenten by Entra object id or UPN, case-insensitive, looked up once each.
  const people = new Map<string, ConfiguredPerson | undefined>();
  const personOf = async (id: string) => {
    const key = id.toLowerCase();
    if (!people.has(key)) people.set(key, (await configuredPeople(db, [id])).find((p) => p.known));
    return people.get(key);
  };

  const problems: string[] = [];
  const valid: Array<{ line: number; kind: string; caseReference: string; date: string; ownerAad: string; regioteam: string }> = [];
  const onceKeys = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const raw = Object.fromEntries(columns.map((c, i) => [c, record[i]]).filter(([c]) => c));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`regel ${line}: ${[...new Set(parsed.error.issues.map((i) => i.message))].join('; ')}`);
      continue;
    }
    const row = parsed.data;
    const kind = findKind(config.office.monitoringRules, row.kind);
    const person = await personOf(row.owner);
    const rowProblems: string[] = [];
    if (!kind) rowProblems.push(`onbekende soort "${row.kind}" (kies uit ${config.office.monitoringRules.kinds.map((k) => k.id).join(', ')})`);
    if (!config.office.regioteams.some((t) => t.id === row.regioteam)) rowProblems.push(`onbekend regioteam "${row.regioteam}"`);
    if (!person) rowProblems.push('consulent is niet bekend bij Wendbaar (gebruik de Entra-id of het werk-e-mailadres)');
    if (kind?.oncePerSchoolYear) {
      const year = schoolYearOf(parseIsoDay(row.date, config.env.WENDBAAR_TIME_ZONE)).label;
      const key = onceKey(kind, row.caseReference, year)!;
      const earlier = onceKeys.get(key);
      if (earlier !== undefined || (await onceKeyTaken(db, key))) rowProblems.push(`${oncePerYearMessage(kind, row.caseReference, year)}${earlier !== undefined ? ` (zie regel ${earlier})` : ''}`);
      onceKeys.set(key, line);
    }
    if (rowProblems.length) problems.push(`regel ${line}: ${rowProblems.join('; ')}`);
    else valid.push({ line, kind: row.kind, caseReference: row.caseReference, date: row.date, ownerAad: person!.aad, regioteam: row.regioteam });
  }
  if (problems.length) throw new ImportRejected(problems);

  await db.transaction(async (tx) => {
    for (const row of valid) {
      await createItem(tx, config, { ...row, createdBy: actor, source: 'import' });
    }
    await audit(tx, { actor, action: 'monitoring.import', details: { rows: valid.length } });
  });
  return { imported: valid.length };
}
