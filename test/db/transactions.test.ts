import { auditedWrite, auditTrail } from '../../services/audit/store';
import type { Database, Queryable } from '../../services/db';
import { openTestDatabase, testDialect, type TestDatabase } from '../harness/test-db';

/**
 * What every service relies on from `db.transaction` and `db.query`, on both databases. The embedded
 * one is a single session in its worker thread (services/db/pglite.ts), shared by every caller.
 */
describe('database transactions', () => {
  let t: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    t = await openTestDatabase();
    db = t.db;
    await db.exec(`CREATE TABLE tx_probe (id bigserial PRIMARY KEY, label text UNIQUE NOT NULL)`);
  });
  afterAll(() => t.close());
  beforeEach(() => db.query(`DELETE FROM tx_probe`));

  const labels = async () => (await db.query<{ label: string }>(`SELECT label FROM tx_probe ORDER BY label`)).map((r) => r.label);

  it('commits every statement together and returns what the callback returned', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['a']);
      const [row] = await tx.query<{ id: string }>(`INSERT INTO tx_probe (label) VALUES ($1) RETURNING id`, ['b']);
      const seen = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM tx_probe`);
      return { id: Number(row!.id), n: seen[0]!.n };
    });
    expect(result.n).toBe(2);
    expect(result.id).toBeGreaterThan(0);
    expect(await labels()).toEqual(['a', 'b']);
  });

  it('rolls everything back when a write the caller did not wait on fails, and throws its error', async () => {
    await db.query(`INSERT INTO tx_probe (label) VALUES ('taken')`);
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['first']);
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['taken']);
      await tx.query(`UPDATE tx_probe SET label = 'renamed' WHERE label = $1`, ['first']);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(await labels()).toEqual(['taken']);
    // The database is usable afterwards.
    await db.transaction((tx) => tx.query(`INSERT INTO tx_probe (label) VALUES ('after')`));
    expect(await labels()).toEqual(['after', 'taken']);
  });

  it('rolls back when the callback throws, and nobody outside saw the uncommitted row', async () => {
    let outside: string[] | undefined;
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ('uncommitted')`);
      // A statement from another turn while this transaction is open (the callback awaits real I/O).
      const probe = labels().then((l) => (outside = l));
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw Object.assign(new Error('handler failed'), { probe });
    });
    const error = (await failing.catch((e: unknown) => e)) as Error & { probe: Promise<unknown> };
    expect(error.message).toBe('handler failed');
    await error.probe;
    expect(outside).toEqual([]);
    expect(await labels()).toEqual([]);
  });

  it('runs concurrent transactions one after another without mixing their statements', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, [`t${i}`]);
          await new Promise((resolve) => setImmediate(resolve));
          if (i % 5 === 0) throw new Error(`transaction ${i} gives up`);
          await tx.query(`UPDATE tx_probe SET label = label || '-done' WHERE label = $1`, [`t${i}`]);
        }).catch(() => undefined),
      ),
    );
    const expected = Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 5 !== 0).map((i) => `t${i}-done`).sort();
    expect(await labels()).toEqual(expected);
  });

  it('rejects a failing write inside a transaction at that statement, and rolls back', async () => {
    await db.query(`INSERT INTO tx_probe (label) VALUES ('taken')`);
    const reached: string[] = [];
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['first']);
      reached.push('first');
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['taken']).catch((error: unknown) => {
        reached.push(`failed ${(error as { code?: string }).code}`);
        throw error;
      });
      reached.push('after the failing write');
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(reached).toEqual(['first', 'failed 23505']);
    expect(await labels()).toEqual(['taken']);
  });

  it('does not commit when the callback swallowed a failed statement', async () => {
    await db.query(`INSERT INTO tx_probe (label) VALUES ('taken')`);
    const swallowed = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['first']);
      await tx.query(`INSERT INTO tx_probe (label) VALUES ($1)`, ['taken']).catch(() => undefined);
      return 'done';
    });
    await expect(swallowed).rejects.toMatchObject({ code: '23505' });
    expect(await labels()).toEqual(['taken']);
  });

  it('keeps a statement from outside out of an open transaction: it stands when the transaction rolls back', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe (label) VALUES ('inside')`);
      // Another turn's write while this transaction waits on I/O between its statements.
      outside = db.query(`INSERT INTO tx_probe (label) VALUES ('outside')`).then(() => order.push('outside written'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.query(`SELECT 1`);
      throw new Error('handler failed');
    }).catch((error: Error) => order.push(`transaction: ${error.message}`));
    await Promise.all([failing, outside]);
    expect(await labels()).toEqual(['outside']);
    // The embedded database is one session: the outside statement waited until the rollback.
    if (testDialect() === 'pglite') expect(order).toEqual(['transaction: handler failed', 'outside written']);
  });

  it('refuses a statement on a transaction that has already ended', async () => {
    let leaked: Queryable | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
      await tx.query(`INSERT INTO tx_probe (label) VALUES ('committed')`);
    });
    await expect(leaked!.query(`INSERT INTO tx_probe (label) VALUES ('late')`)).rejects.toThrow();
    expect(await labels()).toEqual(['committed']);
  });

  const onPostgres = testDialect() === 'postgres' ? it : it.skip;
  onPostgres('keeps answering when another replica\'s migration changes a table under a prepared statement', async () => {
    await db.query(`INSERT INTO tx_probe (label) VALUES ('before')`);
    const all = () => db.query<Record<string, unknown>>(`SELECT * FROM tx_probe ORDER BY id`);
    // Prepare on every pooled connection, as a running replica would have.
    await Promise.all(Array.from({ length: 12 }, () => all()));
    const other = await t.openAnother();
    await other.exec(`ALTER TABLE tx_probe ADD COLUMN note text NOT NULL DEFAULT 'added'`);
    for (let i = 0; i < 12; i++) expect(await all()).toEqual([expect.objectContaining({ label: 'before', note: 'added' })]);
    await db.transaction(async (tx) => expect(await tx.query(`SELECT * FROM tx_probe ORDER BY id`)).toEqual([expect.objectContaining({ note: 'added' })]));
    await other.exec(`ALTER TABLE tx_probe DROP COLUMN note`);
  });

  it('writes a row and its audit entry in one statement', async () => {
    const [row] = await auditedWrite<{ id: string; label: string }>(
      db,
      { sql: `INSERT INTO tx_probe (label) VALUES ($1) RETURNING *`, params: ['audited'] },
      { actor: 'aad-test', action: 'probe.write', subjectPrefix: 'probe:', details: { why: 'test' }, correlationId: 'c0ffee00' },
    );
    expect(row!.label).toBe('audited');
    const trail = await auditTrail(db, { subject: `probe:${row!.id}` });
    expect(trail).toEqual([expect.objectContaining({ actor: 'aad-test', action: 'probe.write', outcome: 'ok', details: { why: 'test' } })]);
    // A failing write leaves no audit entry behind.
    await expect(auditedWrite(db, { sql: `INSERT INTO tx_probe (label) VALUES ($1) RETURNING *`, params: ['audited'] }, { actor: 'aad-test', action: 'probe.write', subjectPrefix: 'probe:' }))
      .rejects.toMatchObject({ code: '23505' });
    expect(await auditTrail(db, { action: 'probe.write' })).toHaveLength(1);
  });
});
