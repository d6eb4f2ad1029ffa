import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { isoDay, localDay, schoolYearOf } from '../lib/dates';
import { openDatabase, type Database } from '../services/db';
import { DUE_STAGES_SQL } from '../services/monitoring/store/announcements';

/**
 * The daily selection of due monitoring stages: 100,000 items on the embedded database, and
 * 1,000,000 on PostgreSQL when WENDBAAR_BENCH_PG_URL (an admin connection string) is set. Rows are
 * generated in the database (INSERT … SELECT generate_series); each item has two stages spread
 * over two years, stages before "today" already announced, like a database in daily use.
 */
const TODAY = isoDay(localDay(new Date()));
const SCHOOL_YEAR = schoolYearOf(localDay(new Date())).label;

async function fill(db: Database, items: number): Promise<void> {
  await db.exec(`
    INSERT INTO monitoring_items (kind, case_reference, anchor_date, owner_aad, regioteam, school_year, created_by)
    SELECT CASE g % 3 WHEN 0 THEN 'overdracht-wijkteam' WHEN 1 THEN 'thuiszitter' ELSE 'no-show' END,
           'C-' || g, DATE '${TODAY}' - 540 + (g % 730), 'aad-bench-' || (g % 400), CASE g % 2 WHEN 0 THEN 'noord' ELSE 'zuid' END,
           '${SCHOOL_YEAR}', 'bench'
    FROM generate_series(1, ${items}) AS g;
    INSERT INTO monitoring_stages (item_id, stage, seq, due_on, status)
    SELECT i.id, s.stage, s.seq, i.anchor_date + s.days,
           CASE WHEN i.anchor_date + s.days < DATE '${TODAY}' - 3 THEN 'announced' ELSE 'pending' END
    FROM monitoring_items i CROSS JOIN (VALUES ('eerste', 0, 28), ('tweede', 1, 42)) AS s(stage, seq, days);
    ANALYZE monitoring_items;
    ANALYZE monitoring_stages;
  `);
}

async function measure(label: string, db: Database, items: number): Promise<void> {
  const started = process.hrtime.bigint();
  await fill(db, items);
  const filled = Number(process.hrtime.bigint() - started) / 1e6;
  const plan = (await db.query<Record<string, string>>(`EXPLAIN ${DUE_STAGES_SQL.replace('$1::date', `'${TODAY}'::date`)}`))
    .map((r) => Object.values(r).join(' ')).join('\n');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    rows = (await db.query(DUE_STAGES_SQL, [TODAY])).length;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`monitoring daily selection, ${label}: ${items.toLocaleString('en')} items (${(items * 2).toLocaleString('en')} stages) generated in ${filled.toFixed(0)} ms`);
  console.log(`  ${rows} due stages; median ${times[2]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms; index used: ${/monitoring_stages_due/.test(plan) ? 'yes' : 'NO'}`);
}

export async function run(): Promise<void> {
  const embedded = await openDatabase({});
  try {
    await measure('embedded PGlite', embedded, 100_000);
  } finally {
    await embedded.close();
  }

  const admin = process.env.WENDBAAR_BENCH_PG_URL;
  if (!admin) {
    console.log('monitoring daily selection on PostgreSQL skipped: set WENDBAAR_BENCH_PG_URL for the 1,000,000-item run');
    return;
  }
  const name = `wendbaar_bench_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ databaseUrl: url.toString() });
  try {
    await measure('PostgreSQL', pg, 1_000_000);
  } finally {
    await pg.close();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
