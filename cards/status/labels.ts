import type { ExecutionStatus } from '../../config/rings';
import { describeDiff, reasonLabel } from '../../config/status-labels';
import { dutchDate } from '../../lib/dates';
import type { TaskDiff } from '../../config/rings';
import type { AnnouncementRow, ChangeFacts, ResponseRow } from '../../services/status/types';
import type { Fact, TextColor } from './cards';

/** Dutch labels and phrases only the status cards show. */

export const statusColor = (s: ExecutionStatus): TextColor =>
  s === 'niet' ? 'Attention' : s === 'soberder' ? 'Warning' : s === 'intensiever' ? 'Accent' : 'Default';

export const ANSWER_LABEL: Record<ResponseRow['answer'], { label: string; color: TextColor }> = {
  akkoord: { label: 'Akkoord', color: 'Good' },
  zorgen: { label: 'Zorgen', color: 'Warning' },
  opmerking: { label: 'Opmerking', color: 'Accent' },
};

export const KIND_TITLE: Record<AnnouncementRow['kind'], string> = {
  publish: 'Statusaanpassing besloten door het MT',
  extend: 'Statusaanpassing verlengd',
  end: 'Statusaanpassing beëindigd',
  lapse: 'Statusaanpassing loopt af',
};

/** The line above an announcement: none in the channel, a reminder, or thanks to who just read it. */
export const ANNOUNCEMENT_INTRO = {
  none: '',
  reminder: 'Herinnering: je hebt deze aankondiging nog niet als gelezen gemarkeerd.',
  read: 'Je hebt dit gelezen. Dank je wel.',
  outside: 'Je hoorde nog niet bij een van deze regioteams toen dit werd aangekondigd, dus je telt niet mee in het aantal lezers.',
} as const;
export type AnnouncementIntro = keyof typeof ANNOUNCEMENT_INTRO;

/** Count words that agree in number: "1 zorg", "0 opmerkingen"; "akkoord" does not change. */
export const countWord = (answer: ResponseRow['answer'], n: number): string =>
  answer === 'akkoord' ? 'akkoord' : answer === 'zorgen' ? (n === 1 ? 'zorg' : 'zorgen') : n === 1 ? 'opmerking' : 'opmerkingen';

export const countsText = (counts: Record<ResponseRow['answer'], number>): string =>
  (['akkoord', 'zorgen', 'opmerking'] as const).map((a) => `${counts[a]} ${countWord(a, counts[a])}`).join(', ');

/** The one wording of a consultation deadline (the MT chose it on the card: "Reageren kan tot en met"). */
export const deadlineText = (iso: string): string => `Reageren kan tot en met ${dutchDate(iso)}`;

export const answeredText = (answer: ResponseRow['answer']) =>
  `Je reactie (${answer}) is ontvangen. Opnieuw reageren vervangt je eerdere reactie.`;

export function period(c: Pick<ChangeFacts, 'startDate' | 'endDate'>): string {
  return `${dutchDate(c.startDate)} – ${c.endDate ? `${dutchDate(c.endDate)} (verwacht)` : 'tot nader order'}`;
}

export function changeLines(diffs: TaskDiff[]): string[] {
  return diffs.length > 0 ? diffs.map(describeDiff) : ['Geen wijzigingen in de uitvoering.'];
}

/** The same tasks changing back: what lapsing a change means. */
export const reversed = (diffs: TaskDiff[]): TaskDiff[] => diffs.map((d) => ({ ...d, before: d.after, after: d.before }));

export const why = (c: Pick<ChangeFacts, 'reasonCategory' | 'reason'>) => `${reasonLabel(c)}${c.reason ? `: ${c.reason}` : ''}`;

/** Why, when and what it means in practice: the facts every card about a proposal shows. */
export function proposalFacts(c: ChangeFacts): Fact[] {
  const facts: Fact[] = [
    { title: 'Waarom', value: why(c) },
    { title: 'Periode', value: period(c) },
    { title: 'Praktijk', value: c.practiceImpact ?? '—' },
  ];
  if (c.partnerText) facts.push({ title: 'Voor partners', value: c.partnerText });
  return facts;
}
