import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Office } from '../../config/office';
import { audit } from '../audit/store';
import type { Database } from '../db';
import { upsertPerson } from '../people/store';
import { saveFigures } from './store/figures';
import type { CaseloadFigures } from './types';

/**
 * Import of workload figures from a CSV export of the registration system. Every row is
 * validated first; one bad row rejects the whole file (nothing half-imported), and the report
 * names each rejected row by its line number, in English for the operator.
 */
export const WERKDRUK_COLUMNS = [
  'aad_object_id', 'naam', 'regioteam', 'open_casussen', 'complexe_casussen', 'nieuw_deze_week', 'afwezig_dagen', 'buffercollega',
] as const;

const count = (max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number of 0 or more').transform(Number).refine((n) => n <= max, `must be at most ${max}`);

const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['', 'ja', 'nee', 'j', 'n', 'true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be ja or nee')
  .transform((v) => ['ja', 'j', 'true', '1', 'yes'].includes(v));

function rowSchema(office: Pick<Office, 'regioteams'>) {
  const teams = office.regioteams.map((t) => t.id);
  return z
    .object({
      aad_object_id: z.string().trim().min(1, 'is empty').max(200, 'is too long'),
      naam: z.string().trim().min(1, 'is empty').max(200, 'is too long'),
      regioteam: z.string().trim().toLowerCase().refine((t) => teams.includes(t), `must be one of ${teams.join(', ')}`),
      open_casussen: count(500),
      complexe_casussen: count(500),
      nieuw_deze_week: count(200),
      afwezig_dagen: count(10),
      buffercollega: yesNo,
    })
    .refine((r) => !(Number(r.complexe_casussen) > Number(r.open_casussen)), { path: ['complexe_casussen'], message: 'cannot be more than open_casussen' });
}

export interface ImportReport {
  /** Rows written (0 when any row was rejected). */
  imported: number;
  rejected: Array<{ line: number; reasons: string[] }>;
}

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number };
}

export async function importWerkdruk(db: Database, csv: string, office: Pick<Office, 'regioteams'>, at: Date, actor = 'import'): Promise<ImportReport> {
  let records: ParsedRecord[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: [',', ';'],
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as ParsedRecord[];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { imported: 0, rejected: [{ line: e.lines ?? 1, reasons: [`the file is not valid CSV: ${e.message}`] }] };
  }
  if (records.length === 0) return { imported: 0, rejected: [{ line: 1, reasons: ['the file has no data rows'] }] };
  const missing = WERKDRUK_COLUMNS.filter((c) => !(c in records[0]!.record));
  if (missing.length > 0) {
    return { imported: 0, rejected: [{ line: 1, reasons: [`missing column(s): ${missing.join(', ')} (expected: ${WERKDRUK_COLUMNS.join(',')})`] }] };
  }

  const schema = rowSchema(office);
  const rejected: ImportReport['rejected'] = [];
  const valid: Array<{ aad: string; name: string; regioteam: string; figures: CaseloadFigures }> = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const result = schema.safeParse(record);
    if (!result.success) {
      rejected.push({ line, reasons: result.error.issues.map((i) => `${String(i.path[0] ?? 'row')} ${i.message}`) });
      continue;
    }
    const r = result.data;
    const first = seen.get(r.aad_object_id.toLowerCase());
    if (first !== undefined) {
      rejected.push({ line, reasons: [`aad_object_id ${r.aad_object_id} appears twice (first on line ${first})`] });
      continue;
    }
    seen.set(r.aad_object_id.toLowerCase(), line);
    valid.push({
      aad: r.aad_object_id,
      name: r.naam,
      regioteam: r.regioteam,
      figures: { openCases: r.open_casussen, complexCases: r.complexe_casussen, newThisWeek: r.nieuw_deze_week, absentDays: r.afwezig_dagen, isBuffer: r.buffercollega },
    });
  }
  if (rejected.length > 0) return { imported: 0, rejected };

  await db.transaction(async (tx) => {
    for (const row of valid) {
      await upsertPerson(tx, { aadObjectId: row.aad, name: row.name, regioteam: row.regioteam });
      await saveFigures(tx, row.aad, row.figures, 'import', at);
    }
    await audit(tx, { actor, action: 'caseload.import', details: { rows: valid.length } });
  });
  return { imported: valid.length, rejected: [] };
}

/** The operator's summary of an import, one line per rejected row. */
export function formatImportReport(report: ImportReport): string {
  if (report.rejected.length === 0) return `Imported workload figures for ${report.imported} ${report.imported === 1 ? 'person' : 'people'}.`;
  return [
    `Nothing was imported: ${report.rejected.length} row(s) were rejected. Fix them and import the whole file again.`,
    ...report.rejected.map((r) => `  line ${r.line}: ${r.reasons.join('; ')}`),
  ].join('\n');
}
