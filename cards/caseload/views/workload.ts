import { DateTime } from 'luxon';
import { HELP_KINDS, HELP_REASONS, STATUS_LABELS, URGENCIES, casussen } from '../../../config/caseload-labels';
import type { Regioteam } from '../../../config/office';
import { timeZone } from '../../../lib/time-zone';
import type { EscalationData, TeamWorkload } from '../../../services/caseload/posts';
import type { CaseloadFigures, WorkloadLine } from '../../../services/caseload/types';
import type { FormProblem } from '../../../services/validation';
import { formatDateTime } from './request';

export interface FiguresFormInput {
  figures?: CaseloadFigures & { updatedAt?: Date };
  team?: Pick<Regioteam, 'name' | 'caseloadNorm'>;
  /** Shown when the person's regioteam is unknown. */
  regioteams?: Array<{ id: string; name: string }>;
  /** Right after a save: the open cases just saved. */
  savedOpenCases?: number;
  /** What was sent, when the form comes back with problems (shown instead of the stored figures). */
  values?: Record<string, unknown>;
  problems?: FormProblem[];
  zone: string;
}

/** A number input's value as sent (kept as typed when it is a number, even an out-of-range one). */
const sentNumber = (v: unknown, fallback: number) => (v !== '' && v !== null && Number.isFinite(Number(v)) ? Number(v) : fallback);

function savedText(openCases: number, norm: number): string {
  return openCases > norm
    ? `Opgeslagen. Je zit met ${openCases} open casussen boven de norm van ${norm}: vraag gerust ondersteuning (typ ondersteuning).`
    : `Opgeslagen. Je hebt ${openCases} open casussen; de norm is ${norm}.`;
}

export function figuresFormView(data: FiguresFormInput) {
  const stored = data.figures ?? { openCases: 0, complexCases: 0, newThisWeek: 0, absentDays: 0, isBuffer: false };
  const sent = data.values;
  const f = sent
    ? {
        openCases: sentNumber(sent.openCases, stored.openCases),
        complexCases: sentNumber(sent.complexCases, stored.complexCases),
        newThisWeek: sentNumber(sent.newThisWeek, stored.newThisWeek),
        absentDays: sentNumber(sent.absentDays, stored.absentDays),
        isBuffer: sent.isBuffer === true || sent.isBuffer === 'true',
      }
    : stored;
  const updated = data.figures?.updatedAt ? `Laatst bijgewerkt: ${data.figures.updatedAt.toLocaleDateString('nl-NL', { timeZone: data.zone })}.` : '';
  const normLine = data.team
    ? `De norm in ${data.team.name} is ${data.team.caseloadNorm} open casussen. Je team ziet je cijfers in de weekstart.${updated ? ` ${updated}` : ''}`
    : 'Je team ziet je cijfers in de weekstart.';
  return {
    intro: 'Houd je eigen cijfers actueel, dan ziet het team op tijd wie hulp kan gebruiken en wie ruimte heeft.',
    saved: data.savedOpenCases !== undefined && data.team ? savedText(data.savedOpenCases, data.team.caseloadNorm) : '',
    askRegioteam: !!data.regioteams,
    regioteams: (data.regioteams ?? []).map((t) => ({ title: t.name, value: t.id })),
    regioteam: typeof sent?.regioteam === 'string' ? sent.regioteam : '',
    openCases: f.openCases,
    complexCases: f.complexCases,
    newThisWeek: f.newThisWeek,
    absentDays: f.absentDays,
    isBufferValue: f.isBuffer ? 'true' : 'false',
    normLine,
  };
}

/** One line per person: open cases against the norm and a signal. */
export function workloadPeople(lines: WorkloadLine[]) {
  return lines.map((r) => {
    const signals = [
      r.aboveNorm ? 'boven de norm' : r.hasRoom ? 'ruimte' : '',
      r.isBuffer ? 'buffer' : '',
      r.absentToday ? 'nu afwezig' : '',
      r.absentDays > 0 ? `${r.absentDays} ${r.absentDays === 1 ? 'dag' : 'dagen'} afwezig` : '',
    ].filter(Boolean);
    return {
      name: r.name,
      load: `${r.openCases} / ${r.norm} (${r.complexCases})`,
      signal: signals.join(' · ') || '–',
      signalColor: r.aboveNorm ? 'Attention' : 'Default',
    };
  });
}

export function weekstartView(data: TeamWorkload) {
  const names = (pred: (r: WorkloadLine) => boolean) => data.people.filter(pred).map((r) => r.name).join(', ');
  const local = DateTime.fromISO(data.at, { zone: timeZone(data.zone) }).setLocale('nl');
  const weekstart = data.mode === 'weekstart';
  return {
    title: `${weekstart ? 'Weekstart' : 'Werkdruk'} ${data.teamName}`,
    subtitle: `Week ${local.weekNumber} · ${local.toFormat(weekstart ? 'cccc d LLLL yyyy' : 'cccc d LLLL yyyy, HH:mm')}`,
    norm: data.norm,
    people: [
      ...workloadPeople(data.people),
      ...(data.missing ?? []).map((name) => ({ name, load: '–', signal: 'nog niet ingevuld', signalColor: 'Default' })),
    ],
    noFigures: data.people.length === 0,
    highlights: [
      { title: 'Boven de norm', value: names((r) => r.aboveNorm) },
      { title: 'Ruimte om te helpen', value: names((r) => r.hasRoom) },
      { title: 'Buffercollega\'s', value: names((r) => r.isBuffer) },
    ].filter((f) => f.value),
    openRequests: data.waiting.map((r) => ({
      line: `H-${r.id} · ${HELP_KINDS[r.kind]} · ${casussen(r.caseCount)} · ${URGENCIES[r.urgency].toLowerCase()} · ${r.requesterName ?? 'onbekend'}${r.escalated ? ' · doorgezet naar teamleider' : ''}`,
      color: r.escalated ? 'Attention' : 'Default',
    })),
    helped: data.helped.map((h) => ({ line: `${h.helperName ?? 'Een collega'} hielp ${h.requesterName ?? 'een collega'} met ${casussen(h.caseCount)} (H-${h.requestId})` })),
    deadlines: data.deadlines.map((d) => ({
      line: `${d.owner}: ${d.thisWeek} deze week${d.overdue ? `, ${d.overdue} verlopen` : ''}`,
      color: d.overdue ? 'Attention' : 'Default',
    })),
    footer: 'Cijfers zijn wat collega\'s zelf bijhouden of uit de laatste import. Bespreek wie hulp kan gebruiken en wie ruimte heeft. Typ **werkdruk** om je eigen cijfers bij te werken, **ondersteuning** om hulp te vragen.',
  };
}

export function escalationView(data: EscalationData) {
  const r = data.request;
  const zone = timeZone(data.zone);
  const waiting = DateTime.fromISO(r.createdAt, { zone }).setLocale('nl').toRelative({ base: DateTime.fromISO(data.escalatedAt, { zone }) }) ?? '';
  return {
    title: `Hulpvraag zonder toegezegde hulp (H-${r.id})`,
    message: `${r.requesterName || 'Een collega'} vroeg ${waiting} om hulp in ${data.teamName}; er is nog geen aanbod geaccepteerd.`,
    facts: [
      { title: 'Soort hulp', value: HELP_KINDS[r.kind] },
      { title: 'Aantal', value: casussen(r.caseCount) },
      { title: 'Reden', value: HELP_REASONS[r.reason] },
      { title: 'Urgentie', value: URGENCIES[r.urgency] },
      { title: 'Status', value: `${STATUS_LABELS[r.status]} (${data.openOffers} aanbod)` },
      { title: 'Gevraagd op', value: formatDateTime(r.createdAt, data.zone) },
    ],
    description: r.description ?? '',
    teamName: data.teamName,
    norm: data.norm,
    people: workloadPeople(data.people),
    teamCommand: `werkdruk team ${data.teamId}`,
    link: data.link ?? '',
  };
}
