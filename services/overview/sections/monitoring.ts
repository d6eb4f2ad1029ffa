import { DateTime } from 'luxon';
import { timeZone } from '../../../lib/time-zone';
import type { MonitoringSummary } from '../../monitoring/summary';
import type { MonitoringView } from '../types';

/** Overdue deadlines and the coming weeks, labelled with the week number in the office's zone. */
export function monitoringView(summary: MonitoringSummary, zone: string): MonitoringView {
  return {
    overdue: summary.overdue,
    weeks: summary.perWeek.map((w) => {
      const start = DateTime.fromISO(w.weekStart, { zone: timeZone(zone) }).setLocale('nl');
      return { weekStart: w.weekStart, label: `Week ${start.weekNumber} (${start.toFormat('d MMM')})`, count: w.count };
    }),
  };
}
