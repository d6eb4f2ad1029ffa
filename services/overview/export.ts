import type { Office } from '../../config/office';
import { toCsv } from '../csv-export';
import type { EvaluationView } from './types';

/** The evaluation as the spreadsheet the MT takes to the RAO Onderwijs. */
export function evaluationCsv(view: EvaluationView): string {
  return toCsv(['Onderdeel', 'Kenmerk', 'Waarde'], view.rows.map((r) => [r.part, r.measure, r.value]));
}

const mdCell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The evaluation as a Markdown document: one table per part. */
export function evaluationMarkdown(view: EvaluationView, office: Pick<Office, 'name'>): string {
  const out = [`# Halfjaarlijkse evaluatie ${office.name}`, '', `Periode: ${view.period.from} tot ${view.period.to} (${view.period.label}).`, ''];
  const parts = [...new Set(view.rows.map((r) => r.part))];
  for (const part of parts) {
    out.push(`## ${part}`, '', '| Kenmerk | Waarde |', '|---|---|');
    for (const row of view.rows.filter((r) => r.part === part)) out.push(`| ${mdCell(row.measure)} | ${mdCell(row.value)} |`);
    out.push('');
  }
  if (view.missing.length) out.push(`Nog niet beschikbaar: ${view.missing.join(', ')}.`, '');
  return out.join('\n');
}
