/** Dutch monitoring texts that both the digest card and its Teams notification preview show. */

/** The digest's counts in one line; when nothing is left, that all is handled. */
export const digestCountsText = (counts: { dueToday: number; upcoming: number; overdue: number }): string =>
  counts.dueToday + counts.upcoming + counts.overdue === 0
    ? 'alles is afgehandeld'
    : `${counts.dueToday} vandaag, ${counts.upcoming} later deze week, ${counts.overdue} verlopen`;
