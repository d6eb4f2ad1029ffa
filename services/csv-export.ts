import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * Every CSV the bot hands out is written here, one way: separated by semicolons (what Dutch Excel
 * opens directly), CRLF line ends, every cell quoted, and a cell a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR, or their full-width forms) prefixed with ' as the
 * OWASP CSV-injection guidance asks. A negative number stays a number.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify([header, ...rows], { delimiter: ';', record_delimiter: 'windows', quoted: true, escape_formulas: true });
}
