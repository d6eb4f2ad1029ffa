import { hasRoom, isAboveNorm, type WorkloadRow } from '../../services/caseload/summary';
import type { CaseloadFigures } from '../../services/caseload/figures';
import { renderTemplate, type AdaptiveCard } from '../render';
import figuresTemplate from './templates/figures-form.json';
import weekstartTemplate from './templates/weekstart.json';
import escalationTemplate from './templates/escalation.json';

export interface FiguresFormData {
  figures?: CaseloadFigures;
  teamName?: string;
  norm?: number;
  /** Shown when the person's regioteam is unknown. */
  regioteams?: Array<{ id: string; name: string }>;
  /** "Opgeslagen …" after a save; empty otherwise. */
  saved?: string;
  updatedText?: string;
}

export function figuresFormCard(data: FiguresFormData): AdaptiveCard {
  const f = data.figures ?? { openCases: 0, complexCases: 0, newThisWeek: 0, absentDays: 0, isBuffer: false };
  const normLine = data.teamName && data.norm
    ? `De norm in ${data.teamName} is ${data.norm} open casussen. Je team ziet je cijfers in de weekstart.${data.updatedText ? ` ${data.updatedText}` : ''}`
    : 'Je team ziet je cijfers in de weekstart.';
  return renderTemplate(figuresTemplate, {
    intro: 'Houd je eigen cijfers actueel, dan ziet het team op tijd wie hulp kan gebruiken en wie ruimte heeft.',
    saved: data.saved ?? '',
    askRegioteam: !!data.regioteams,
    regioteams: (data.regioteams ?? []).map((t) => ({ title: t.name, value: t.id })),
    openCases: f.openCases,
    complexCases: f.complexCases,
    newThisWeek: f.newThisWeek,
    absentDays: f.absentDays,
    isBufferValue: f.isBuffer ? 'true' : 'false',
    normLine,
  });
}

/** One line per person: open cases against the norm and a signal. */
export function workloadPeople(rows: WorkloadRow[]) {
  return rows.map((r) => {
    const above = isAboveNorm(r);
    const room = !above && hasRoom(r);
    const signals = [
      above ? 'boven de norm' : room ? 'ruimte' : '',
      r.isBuffer ? 'buffer' : '',
      r.absentDays > 0 ? `${r.absentDays} ${r.absentDays === 1 ? 'dag' : 'dagen'} afwezig` : '',
    ].filter(Boolean);
    return {
      name: r.name,
      load: `${r.openCases} / ${r.norm} (${r.complexCases})`,
      signal: signals.join(' · ') || '–',
      signalColor: above ? 'Attention' : 'Default',
    };
  });
}

export interface WeekstartData {
  title: string;
  subtitle: string;
  norm: number;
  rows: WorkloadRow[];
  openRequests: Array<{ line: string; escalated: boolean }>;
  helped: string[];
  /** Monitoring deadlines per consulent this week (counts only). */
  deadlines?: Array<{ owner: string; thisWeek: number; overdue: number }>;
  footer: string;
}

export function weekstartCard(data: WeekstartData): AdaptiveCard {
  const names = (pred: (r: WorkloadRow) => boolean) => data.rows.filter(pred).map((r) => r.name).join(', ');
  const highlights = [
    { title: 'Boven de norm', value: names((r) => isAboveNorm(r)) },
    { title: 'Ruimte om te helpen', value: names((r) => !isAboveNorm(r) && hasRoom(r)) },
    { title: 'Buffercollega\'s', value: names((r) => r.isBuffer) },
  ].filter((f) => f.value);
  return renderTemplate(weekstartTemplate, {
    title: data.title,
    subtitle: data.subtitle,
    norm: data.norm,
    people: workloadPeople(data.rows),
    highlights,
    openRequests: data.openRequests.map((r) => ({ line: r.line, color: r.escalated ? 'Attention' : 'Default' })),
    helped: data.helped.map((line) => ({ line })),
    showDeadlines: data.deadlines !== undefined,
    deadlines: (data.deadlines ?? []).map((d) => ({
      line: `${d.owner}: ${d.thisWeek} deze week${d.overdue ? `, ${d.overdue} verlopen` : ''}`,
      color: d.overdue ? 'Attention' : 'Default',
    })),
    footer: data.footer,
  });
}

export interface EscalationData {
  title: string;
  message: string;
  facts: Array<{ title: string; value: string }>;
  description: string;
  teamName: string;
  norm: number;
  rows: WorkloadRow[];
  teamCommand: string;
}

export function escalationCard(data: EscalationData): AdaptiveCard {
  return renderTemplate(escalationTemplate, { ...data, people: workloadPeople(data.rows) });
}
