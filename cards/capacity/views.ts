import { DateTime } from 'luxon';
import { CAPACITY_MEASURES, type CapacityRule } from '../../config/capacity-rules';
import type { Office } from '../../config/office';
import { ringPresets } from '../../config/rings';
import { dutchDate } from '../../lib/dates';
import type { CapacitySignal, OfficeWeek, TeamWeek } from '../../services/capacity/types';

/** View models of the capacity cards: the signal's evidence in Dutch, and the proposal's pre-fill. */

const WEEKS_IN_WORDS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht'];
export const weeksInWords = (n: number) => `${WEEKS_IN_WORDS[n] ?? n} ${n === 1 ? 'week' : 'weken'}`;

export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** "week 3" from the Monday of an ISO week. */
export const weekLabel = (weekStart: string): string => `week ${DateTime.fromISO(weekStart, { zone: 'utc' }).weekNumber}`;

export const ruleText = (rule: CapacityRule): string =>
  `${CAPACITY_MEASURES[rule.measure].toLowerCase()} ${rule.direction === 'above' ? 'boven' : 'onder'} ${percent(rule.threshold)}`;

export interface SignalCardData {
  signalId: number;
  recovery: boolean;
  title: string;
  message: string;
  weeks: Array<{ week: string; open: string; available: string }>;
  teams: Array<{ name: string; subtitle: string; rows: Array<{ week: string; open: string; available: string; help: string; overdue: string }> }>;
  suggestion: string;
  changeId: number;
  endDate: string;
}

const teamRow = (t: TeamWeek) => ({
  week: weekLabel(t.weekStart),
  open: `${t.openCases} (${percent(t.normCases ? t.openCases / t.normCases : null)})`,
  available: `${t.availableDays} d (${percent(t.possibleDays ? t.availableDays / t.possibleDays : null)})`,
  help: `${t.helpAsked} (${t.helpUnanswered} open)`,
  overdue: String(t.monitoringOverdue),
});

function teamsOf(office: Pick<Office, 'regioteams'>, weeks: OfficeWeek[]): SignalCardData['teams'] {
  return office.regioteams.flatMap((team) => {
    const rows = weeks.flatMap((w) => w.teams.filter((t) => t.regioteam === team.id));
    const latest = rows.at(-1);
    if (!latest) return [];
    return [{ name: team.name, subtitle: `${latest.consulenten} consulenten, samen norm ${latest.normCases} casussen en ${latest.possibleDays} dagen per twee weken`, rows: rows.map(teamRow) }];
  });
}

export function suggestionText(presetId: string | undefined): string {
  const preset = ringPresets.find((p) => p.id === presetId);
  if (!preset) return 'Ring 1 tot en met 3 zijn al gepauzeerd; verder inkrimpen kan niet, de kern wordt altijd uitgevoerd.';
  return `Het model stelt de volgende ring naar binnen voor: ${preset.name}. ${preset.description}`;
}

export function signalView(signal: CapacitySignal, office: Office): SignalCardData {
  const first = weekLabel(signal.weeks[0]!.weekStart);
  const last = weekLabel(signal.weeks.at(-1)!.weekStart);
  const span = `${weeksInWords(signal.weeks.length)} op rij (${first} t/m ${last.replace('week ', '')})`;
  const recovery = signal.kind === 'recovery';
  const endDate = signal.change?.endDate ?? '';
  return {
    signalId: signal.id,
    recovery,
    title: recovery ? 'Capaciteit hersteld' : 'Capaciteitssignaal',
    message: recovery
      ? `De capaciteit is ${span} weer binnen de drempels, terwijl "${signal.change?.title ?? ''}" geldt${endDate ? ` tot ${dutchDate(endDate)}` : ''}. Overweeg de statusaanpassing eerder te beëindigen of te laten aflopen.`
      : `Kantoorbreed ${signal.rules.map(ruleText).join(' en ')}, ${span}.`,
    weeks: signal.weeks.map((w) => ({ week: weekLabel(w.weekStart), open: percent(w.openCasesOfNorm), available: percent(w.availableCapacity) })),
    teams: teamsOf(office, signal.weeks),
    suggestion: recovery ? '' : suggestionText(signal.suggestedPreset),
    changeId: signal.change?.id ?? 0,
    endDate,
  };
}

/** The evidence as the editable "Toelichting op de aanleiding" of the proposal (at most 1000 characters). */
export function evidenceText(signal: CapacitySignal, office: Office): string {
  const view = signalView(signal, office);
  const perWeek = view.weeks.map((w) => `${w.week}: open ${w.open} van de norm, beschikbaar ${w.available}`).join('; ');
  const perTeam = view.teams.map((t) => `${t.name}: ${t.rows.map((r) => r.open.replace(/^.*\(/, '').replace(')', '')).join(', ')}`).join('; ');
  return `Capaciteitssignaal: ${view.message} ${perWeek}. Open t.o.v. norm per team: ${perTeam}.`.slice(0, 1000);
}

/** The proposal form's values from a capacity signal: category capaciteit, the suggested preset, the evidence. */
export const proposalPrefill = (signal: CapacitySignal, office: Office) => ({
  preset: signal.suggestedPreset ?? '',
  reasonCategory: 'capaciteit',
  reason: evidenceText(signal, office),
});
