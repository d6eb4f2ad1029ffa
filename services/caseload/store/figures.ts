import type { Queryable } from '../../db';
import type { CaseloadFigures } from '../types';

interface FiguresRow {
  open_cases: number;
  complex_cases: number;
  new_this_week: number;
  absent_days: number;
  is_buffer: boolean;
  updated_at: Date;
}

export async function getFigures(q: Queryable, aadObjectId: string): Promise<(CaseloadFigures & { updatedAt: Date }) | undefined> {
  const row = (await q.query<FiguresRow>(`SELECT * FROM caseload_figures WHERE aad_object_id = $1`, [aadObjectId]))[0];
  if (!row) return undefined;
  return {
    openCases: row.open_cases,
    complexCases: row.complex_cases,
    newThisWeek: row.new_this_week,
    absentDays: row.absent_days,
    isBuffer: row.is_buffer,
    updatedAt: new Date(row.updated_at),
  };
}

export async function saveFigures(
  q: Queryable,
  aadObjectId: string,
  figures: CaseloadFigures,
  source: 'card' | 'import',
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO caseload_figures (aad_object_id, open_cases, complex_cases, new_this_week, absent_days, is_buffer, source, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (aad_object_id) DO UPDATE SET open_cases = EXCLUDED.open_cases, complex_cases = EXCLUDED.complex_cases,
       new_this_week = EXCLUDED.new_this_week, absent_days = EXCLUDED.absent_days, is_buffer = EXCLUDED.is_buffer,
       source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`,
    [aadObjectId, figures.openCases, figures.complexCases, figures.newThisWeek, figures.absentDays, figures.isBuffer, source, at.toISOString()],
  );
}
