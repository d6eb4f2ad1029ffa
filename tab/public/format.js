// Dates and times as the office sees them. Instants (a request made, the page updated) are shown in
// the office's time zone, which the server is configured with, not in the browser's. Calendar days
// (YYYY-MM-DD: a start date, a period) have no zone: they are shown as the same day everywhere.

const DAY = { day: 'numeric', month: 'long', year: 'numeric' };
const MOMENT = { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };
const SHORT_MOMENT = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formatters for one office time zone (an IANA name such as Europe/Amsterdam). */
export function officeFormat(timeZone) {
  const calendarDay = new Intl.DateTimeFormat('nl-NL', { ...DAY, timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat('nl-NL', { ...DAY, timeZone });
  const moment = new Intl.DateTimeFormat('nl-NL', { ...MOMENT, timeZone });
  const shortMoment = new Intl.DateTimeFormat('nl-NL', { ...SHORT_MOMENT, timeZone });
  return {
    /** "24 november 2026" */
    date(iso) {
      const parts = CALENDAR_DAY.exec(iso);
      return parts ? calendarDay.format(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])) : day.format(new Date(iso));
    },
    /** "24 november om 09:00" */
    moment: (iso) => moment.format(new Date(iso)),
    /** "24 nov. om 09:00" */
    shortMoment: (iso) => shortMoment.format(new Date(iso)),
  };
}
