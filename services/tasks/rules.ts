import type { TaskGroup, TaskGroupKey, TaskRow } from './types';

/** Rows per group on the overview; the rest is behind "en nog N" (Teams refuses messages above ~28 KB). */
export const OVERVIEW_ROWS = 5;
/** Rows when one group is shown on its own. */
export const GROUP_ROWS = 25;

/** Newest first (ISO timestamps compare as strings); rows of equal time keep their order. */
export const newestFirst = (rows: TaskRow[]): TaskRow[] => [...rows].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

/** A group as the card shows it: ordered, capped, empty groups left out. */
export function shapeGroup(key: TaskGroupKey, rows: TaskRow[], cap: number, keepOrder = false): TaskGroup | undefined {
  if (rows.length === 0) return undefined;
  const ordered = keepOrder ? rows : newestFirst(rows);
  return { key, rows: ordered.slice(0, cap), total: rows.length };
}
