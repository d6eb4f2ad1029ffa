import { parse } from 'csv-parse/sync';
import { toCsv } from '../../services/csv-export';
import { cardAction } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

/**
 * Every CSV export goes through one writer: what a spreadsheet would run as a formula is defused
 * with a leading apostrophe (OWASP "CSV Injection"), and separators, quotes and line breaks inside
 * a cell survive a round trip through a real CSV parser.
 */
const read = (csv: string) => parse(csv, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: false }) as string[][];

test.each([
  ['=HYPERLINK("https://evil.example","klik")'],
  ['+31 6 12345678'],
  ['-2+3+cmd|\' /C calc\'!A0'],
  ['@SUM(1+1)*cmd|\' /C calc\'!A0'],
  ['\t=1+1'],
  ['\r=1+1'],
  ['＝1+1'],
])('a hostile cell %j is written with a leading apostrophe', (hostile) => {
  const csv = toCsv(['kolom'], [[hostile]]);
  expect(read(csv)).toEqual([['kolom'], [`'${hostile}`]]);
});

test('separators, quotes and line breaks inside cells round-trip; numbers, empty cells and harmless text stay as they are', () => {
  const rows = [
    ['a;b', 'c,d', 'zei "nee"', 'regel 1\nregel 2', 'regel 1\r\nregel 2'],
    [12, -3, '', 'beëindigd', 'Ring 3 (buitenste ring)'],
  ];
  const csv = toCsv(['een', 'twee', 'drie', 'vier', 'vijf'], rows);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(read(csv)).toEqual([['een', 'twee', 'drie', 'vier', 'vijf'], ...rows.map((row) => row.map(String))]);
});

test('null and undefined are empty cells', () => {
  expect(read(toCsv(['a', 'b', 'c'], [[null, undefined, 'x']]))).toEqual([['a', 'b', 'c'], ['', '', 'x']]);
});

describe('the exports users download or copy', () => {
  const TITLE = '=HYPERLINK("https://evil.example";"klik")';
  const REASON = '@SUM(1+1); "zie notitie",\nregel twee';
  const formulaLike = (rows: string[][]) => rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    // A decided status change whose title and explanation were typed as spreadsheet formulas.
    const start = new Date(h.clock.now().getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    await h.db.query(
      `INSERT INTO status_changes (state, title, tasks, previous_tasks, reason_category, reason, start_date, proposed_by, proposed_at, decided_by, decided_at)
       VALUES ('published', $1, '{}'::jsonb, '{}'::jsonb, 'personeelsuitval', $2, $3, $4, $5, $6::jsonb, $5)`,
      [TITLE, REASON, start, users.mt.aadObjectId, h.clock.now().toISOString(), JSON.stringify([{ aad: users.mt.aadObjectId, name: users.mt.name }])],
    );
  });

  afterAll(async () => {
    await h.close();
  });

  test('the evaluation CSV of the Overzicht tab', async () => {
    const response = await fetch(`${h.app.url}/api/overview/evaluation/csv`, { headers: { authorization: `Dev ${users.mt.aadObjectId}` } });
    expect(response.status).toBe(200);
    const rows = read(await response.text());
    expect(rows[0]).toEqual(['Onderdeel', 'Kenmerk', 'Waarde']);
    const change = rows.find((r) => r[0] === 'Statusaanpassingen' && r[1]!.includes('HYPERLINK'));
    expect(change?.[1]).toMatch(new RegExp(`^'${TITLE.replace(/[()]/g, '\\$&')} \\(`));
    expect(formulaLike(rows)).toEqual([]);
  });

  test('the status export `status export` sends people to (the Overzicht tab)', async () => {
    const exported = await h.invoke(cardAction('status.export', {}, { from: users.beleid }));
    expect(JSON.stringify(exported.value)).toContain('Overzicht openen');
    const response = await fetch(`${h.app.url}/api/overview/status/csv`, { headers: { authorization: `Dev ${users.beleid.aadObjectId}` } });
    expect(response.status).toBe(200);
    const rows = read(await response.text());
    const header = rows[0]!;
    const change = rows.find((r) => r[header.indexOf('titel')] === `'${TITLE}`);
    expect(change?.[header.indexOf('toelichting')]).toBe(`'${REASON}`);
    expect(formulaLike(rows)).toEqual([]);
  });
});
