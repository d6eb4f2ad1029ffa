import { DateTime } from 'luxon';
import type { CapacityMeasure } from '../../../config/capacity-rules';
import type { Office } from '../../../config/office';
import type { TeamWeek } from '../../capacity/types';
import type { CapacityTrendsView, TrendMeasure } from '../types';

/** The weekly capacity snapshots of the period as small charts per regioteam, one per measure. */

const label = (weekStart: string) => `wk ${DateTime.fromISO(weekStart, { zone: 'utc' }).weekNumber}`;
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : null);

interface MeasureDef {
  id: string;
  label: string;
  unit: '%' | '';
  value: (w: TeamWeek) => number | null;
  /** The signal rule on this measure, whose threshold the chart marks. */
  rule?: CapacityMeasure;
}

const MEASURES: MeasureDef[] = [
  { id: 'open', label: 'Open casussen t.o.v. de norm', unit: '%', value: (w) => share(w.openCases, w.normCases), rule: 'openCasesOfNorm' },
  { id: 'beschikbaar', label: 'Beschikbare capaciteit', unit: '%', value: (w) => share(w.availableDays, w.possibleDays), rule: 'availableCapacity' },
  { id: 'nieuw', label: 'Nieuwe casussen', unit: '', value: (w) => w.newCases },
  { id: 'hulp', label: 'Hulpvragen gesteld', unit: '', value: (w) => w.helpAsked },
  { id: 'verlopen', label: 'Verlopen monitoringstermijnen', unit: '', value: (w) => w.monitoringOverdue },
];

export function capacityTrendsView(weeks: TeamWeek[], office: Pick<Office, 'regioteams' | 'capacity'>): CapacityTrendsView {
  const teams = office.regioteams
    .map((team) => ({ team, own: weeks.filter((w) => w.regioteam === team.id).sort((a, b) => a.weekStart.localeCompare(b.weekStart)) }))
    .filter(({ own }) => own.length > 0)
    .map(({ team, own }) => ({
      regioteam: team.id,
      name: team.name,
      measures: MEASURES.map((m): TrendMeasure => {
        const rule = office.capacity.rules.find((r) => r.measure === m.rule);
        const threshold = rule ? Math.round(rule.threshold * 100) : undefined;
        return {
          id: m.id,
          label: m.label,
          unit: m.unit,
          ...(threshold !== undefined ? { threshold } : {}),
          points: own.map((w) => {
            const value = m.value(w);
            const beyond = value !== null && rule && threshold !== undefined && (rule.direction === 'above' ? value > threshold : value < threshold);
            return { weekStart: w.weekStart, label: label(w.weekStart), value, beyond: !!beyond };
          }),
        };
      }),
    }));
  return { consecutiveWeeks: office.capacity.consecutiveWeeks, teams };
}
