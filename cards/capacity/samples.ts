import { defaultOfficeInput, parseOffice } from '../../config/office';
import { allNormal, applyPreset, ringPresets } from '../../config/rings';
import { dueSignals, officeWeeks } from '../../services/capacity/rules';
import type { CapacitySignal, TeamWeek } from '../../services/capacity/types';
import type { AdaptiveCard } from '../render';
import { capacityPostCards } from './posts';

/** Example capacity signals computed by the real rules from invented weekly snapshots. */
const office = parseOffice(defaultOfficeInput);
const ctx = { office, zone: 'Europe/Amsterdam' };

const team = (regioteam: string, weekStart: string, openCases: number, absentDays: number, helpAsked: number, overdue: number): TeamWeek => ({
  regioteam, weekStart, consulenten: 6, possibleDays: 60, availableDays: 60 - absentDays, openCases, normCases: 360, newCases: 9,
  helpAsked, helpUnanswered: Math.floor(helpAsked / 2), helpEscalated: helpAsked > 2 ? 1 : 0, monitoringOverdue: overdue,
});

const overloaded = [
  team('noord', '2027-01-11', 418, 9, 3, 2), team('zuid', '2027-01-11', 380, 4, 1, 0),
  team('noord', '2027-01-18', 425, 12, 4, 3), team('zuid', '2027-01-18', 392, 6, 2, 1),
  team('noord', '2027-01-25', 431, 14, 3, 4), team('zuid', '2027-01-25', 401, 8, 2, 1),
];
const recovered = [
  team('noord', '2027-03-01', 350, 3, 1, 0), team('zuid', '2027-03-01', 340, 2, 0, 0),
  team('noord', '2027-03-08', 346, 2, 0, 0), team('zuid', '2027-03-08', 338, 4, 1, 0),
  team('noord', '2027-03-15', 341, 0, 1, 0), team('zuid', '2027-03-15', 329, 2, 0, 0),
];

const stored = (signal: ReturnType<typeof dueSignals>[number], id: number): CapacitySignal =>
  ({ ...signal, id, firedWeek: signal.weeks.at(-1)!.weekStart, consecutiveWeeks: 3, createdAt: `${signal.weeks.at(-1)!.weekStart}T09:00:00.000Z` });

export const sampleSignal = stored(dueSignals(officeWeeks(overloaded), office.capacity, { tasks: allNormal(office.rings) }, office.rings)[0]!, 12);
export const sampleRecovery = stored(
  dueSignals(officeWeeks(recovered), office.capacity, {
    tasks: applyPreset(office.rings, ringPresets[1]!),
    change: { id: 4, title: 'Ring 3 gepauzeerd', startDate: '2027-02-08', endDate: '2027-05-07', reasonCategory: 'capaciteit' },
  }, office.rings).find((s) => s.kind === 'recovery')!,
  13,
);

export const samples: Record<string, AdaptiveCard> = {
  'capacity-signal': capacityPostCards['capacity.signal'](sampleSignal, ctx),
  'capacity-recovery': capacityPostCards['capacity.signal'](sampleRecovery, ctx),
  'capacity-evaluation': capacityPostCards['capacity.evaluation']({ evaluationDate: '2027-03-15', reminder: false }, ctx),
  'capacity-evaluation-reminder': capacityPostCards['capacity.evaluation']({ evaluationDate: '2027-03-15', reminder: true }, ctx),
};
