import type { Office } from '../../config/office';
import { EXECUTION_STATUS_LABEL, diffStatuses } from '../../config/rings';
import { deciderNames, describeDiff, reasonLabel } from '../../config/status-labels';
import { dutchDate } from '../../lib/dates';
import { toCsv } from '../csv-export';
import type { Queryable } from '../db';
import { decidedChanges } from './store';
import type { ChangeRow } from './types';

/** Exports of the decided statusaanpassingen for the RAO/BC briefing and the half-yearly evaluation. */

export function changesToCsv(office: Office, changes: ChangeRow[]): string {
  const header = ['id', 'soort', 'titel', 'status', 'ingangsdatum', 'verwachte_einddatum', 'aanleiding', 'toelichting', 'besloten_door', 'besloten_op', 'consultatie_overgeslagen', 'wijzigingen'];
  const rows = changes.map((c) => [
    c.id,
    c.kind === 'end' ? 'beëindiging' : 'aanpassing',
    c.title,
    c.state === 'ended' ? 'beëindigd' : 'besloten',
    c.startDate,
    c.endDate,
    reasonLabel(c),
    c.reason,
    deciderNames(c),
    c.decidedAt ? new Date(c.decidedAt).toISOString() : '',
    c.consultationSkipped ?? '',
    diffStatuses(office.rings, c.previousTasks, c.tasks).map(describeDiff).join('; '),
  ]);
  return toCsv(header, rows);
}

export function changesToMarkdown(office: Office, changes: ChangeRow[], generatedOn: string): string {
  const out: string[] = [`# Statusaanpassingen ${office.name}`, '', `Overzicht van ${dutchDate(generatedOn)}. ${changes.length} ${changes.length === 1 ? 'besluit' : 'besluiten'}.`, ''];
  for (const c of changes) {
    out.push(`## ${c.title}`, '');
    out.push(`- **Periode:** ${dutchDate(c.startDate)}${c.endDate ? ` tot ${dutchDate(c.endDate)} (verwacht)` : ', tot nader order'}`);
    out.push(`- **Aanleiding:** ${reasonLabel(c)}${c.reason ? ` — ${c.reason}` : ''}`);
    out.push(`- **Besloten door:** ${deciderNames(c)}`);
    if (c.consultationSkipped) out.push(`- **Consultatie overgeslagen:** ${c.consultationSkipped}`);
    if (c.state === 'ended') out.push('- **Status:** beëindigd');
    const diffs = diffStatuses(office.rings, c.previousTasks, c.tasks);
    if (diffs.length > 0) {
      out.push('', '| taak | was | wordt |', '|---|---|---|');
      for (const d of diffs) out.push(`| ${d.taskName} | ${EXECUTION_STATUS_LABEL[d.before]} | ${EXECUTION_STATUS_LABEL[d.after]} |`);
    }
    if (c.practiceImpact) out.push('', `Betekenis voor de praktijk: ${c.practiceImpact}`);
    if (c.partnerText) out.push('', `Voor partners: ${c.partnerText}`);
    out.push('');
  }
  return out.join('\n');
}

/** Both exports from the database. */
export async function exportStatusChanges(q: Queryable, office: Office, generatedOn: string): Promise<{ csv: string; markdown: string }> {
  const changes = await decidedChanges(q);
  return { csv: changesToCsv(office, changes), markdown: changesToMarkdown(office, changes, generatedOn) };
}
