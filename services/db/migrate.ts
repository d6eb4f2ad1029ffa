import type { Database } from './types';
import { migrations as allMigrations, type Migration } from './migrations';

// Replicas starting together must not both migrate: an advisory lock serialises them.
const MIGRATION_LOCK = 72_656_464; // arbitrary, fixed

export async function migrate(db: Database, migrations: Migration[] = allMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** True when every known migration is applied (readiness). */
export async function migrationsPending(db: Database): Promise<number> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  return allMigrations.filter((m) => !done.has(m.version)).length;
}

// Migrations are plain DDL; splitting on semicolons at line ends keeps them parameter-free and
// runnable inside one transaction on both drivers (PGlite's query() takes one statement).
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?)*$/.test(s));
}
