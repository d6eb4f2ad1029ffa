import fc from 'fast-check';
import { cardAction, channelMessage, personalMessage, teams, type TestActivity } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { createLogger } from '../../services/logger';

/**
 * Malformed activities and card payloads POSTed to /api/messages in local mode. Fixed seed and a
 * time budget, so the run is repeatable and bounded. Properties: the server never crashes (health
 * still answers), never answers 500 without logging a correlation id, every error log line carries
 * a correlation id, and rejected payloads leave no state behind in any feature table.
 */
const SEED = 20261124;
const TIME_LIMIT_MS = 20_000;
const NUM_RUNS = 600;
/** Tables every turn may touch (who talked, where, dedup, the audit trail of refusals). */
const TURN_TABLES = new Set(['processed_activities', 'people', 'conversations', 'audit_log']);

interface LogLine {
  level: number;
  msg?: string;
  correlationId?: string;
}

const sqlish = fc.constantFrom(
  "'; DROP TABLE people; --",
  "1' OR '1'='1",
  'menu; DELETE FROM conversations WHERE 1=1',
  "koppel noord'); UPDATE people SET regioteam='zuid'; --",
  '$1 $2 \\x00 \\\\',
  'SELECT pg_sleep(10)',
);
const unicodeEdge = fc.constantFrom(
  '\u0000',
  '\uFFFF\uFFFE',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Emenu',
  'ｍｅｎｕ',
  'MENU\u200B',
  '👩‍👩‍👧‍👦'.repeat(50),
  'e\u0301'.repeat(100),
  '<at>Wendbaar</at><at>',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '${user.name}',
);
const hugeString = fc.integer({ min: 10_000, max: 200_000 }).chain((n) => fc.constantFrom('a', 'é', '€', '𝄞').map((ch) => ch.repeat(n)));
const deepJson = fc.integer({ min: 50, max: 3000 }).chain((depth) =>
  fc.constantFrom<'array' | 'object'>('array', 'object').map((kind) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { data: value };
    return value;
  }),
);
const weirdText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), sqlish, unicodeEdge, hugeString);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  weirdText,
  deepJson,
  fc.constantFrom(null, undefined, 0, -1, 1e308, NaN, true, [], {}, '', 'null', '__proto__', { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
);

export function buildArbitraries(verbs: string[]) {
  const knownVerb = fc.constantFrom(...verbs);
  const verb = fc.oneof(knownVerb, fc.string(), sqlish, unicodeEdge, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'));
  const cardData = fc.oneof(garbage, fc.dictionary(fc.string({ maxLength: 20 }), garbage, { maxKeys: 8 }), fc.record({ itemId: garbage, command: garbage, caseReference: garbage }));
  /** A card click whose verb/data (or the invoke's shape) is wrong. */
  const badInvoke = fc
    .record({ verb, data: cardData, shape: fc.nat(6), name: fc.constantFrom('adaptiveCard/action', 'adaptiveCard/action', 'task/fetch', 'composeExtension/query', '') })
    .map(({ verb: v, data, shape, name }): TestActivity => {
      const activity = cardAction(typeof v === 'string' ? v : 'x', data as Record<string, unknown>, { from: users.consulent });
      activity.name = name;
      if (shape === 1) activity.value = data;
      if (shape === 2) activity.value = { action: data };
      if (shape === 3) activity.value = { action: { type: 'Action.Execute', verb: data, data } };
      if (shape === 4) activity.value = typeof v === 'string' ? v : null;
      if (shape === 5) delete activity.value;
      return activity;
    });
  /** A message with odd text. */
  const badMessage = fc.record({ text: fc.oneof(weirdText, garbage), channel: fc.boolean() }).map(({ text, channel }): TestActivity => {
    const activity = channel ? channelMessage('menu', { from: users.consulent, team: teams.noord }) : personalMessage('menu', { from: users.consulent });
    activity.text = text;
    return activity;
  });
  const fields = ['type', 'text', 'from', 'conversation', 'channelData', 'value', 'entities', 'recipient', 'id', 'channelId', 'replyToId', 'attachments', 'locale', 'name', 'timestamp', 'membersAdded', 'membersRemoved', 'action'];
  /** A valid-looking activity with one or more fields replaced by garbage of the wrong type. */
  const mutated = fc
    .record({
      base: fc.constantFrom('personal', 'channel', 'invoke', 'install'),
      changes: fc.array(fc.record({ field: fc.constantFrom(...fields), value: garbage }), { minLength: 1, maxLength: 4 }),
      // (A well-formed install is accepted by design, so the install shape gets other types.)
      type: fc.constantFrom('message', 'invoke', 'messageReaction', 'event', 'typing', 'endOfConversation', 'unknownType', 'Message', ' message'),
    })
    .map(({ base, changes, type }): TestActivity => {
      const activity =
        base === 'personal'
          ? personalMessage('menu')
          : base === 'channel'
            ? channelMessage('menu')
            : base === 'invoke'
              ? cardAction('menu.open', { command: 'menu' })
              : { ...channelMessage(''), type: 'conversationUpdate', membersAdded: [{ id: '28:wendbaar-bot' }] };
      if (base === 'install') activity.type = type;
      for (const { field, value } of changes) activity[field] = value;
      return activity;
    });
  /** Bodies that are not activities at all. */
  const rawBody = fc.oneof(
    fc.string(),
    fc.constantFrom('null', '42', '"menu"', '[]', '[{"type":"message"}]', '{"type":', '{"type":"message","text":"menu"', '\u0000', '{}', '{"type":null}', '{"__proto__":{"type":"message"}}'),
    fc.json(),
  );
  return fc.oneof(
    { weight: 3, arbitrary: badInvoke.map((a) => ({ kind: 'invoke' as const, body: JSON.stringify(a) })) },
    { weight: 2, arbitrary: badMessage.map((a) => ({ kind: 'message' as const, body: JSON.stringify(a) })) },
    { weight: 3, arbitrary: mutated.map((a) => ({ kind: 'mutated' as const, body: JSON.stringify(a) ?? 'null' })) },
    { weight: 1, arbitrary: rawBody.map((body) => ({ kind: 'raw' as const, body })) },
  );
}

describe('security: fuzzing /api/messages with malformed activities and card payloads', () => {
  let h: Harness;
  const lines: LogLine[] = [];
  const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  beforeAll(async () => {
    const destination = { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) };
    h = await startHarness({ log: createLogger('info', destination) });
    // The consulent exists, as every real user does after their first message.
    await h.send(personalMessage('menu', { from: users.consulent }));
  });
  afterAll(async () => {
    await h?.close();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
  });

  async function featureTableCounts(): Promise<Record<string, number>> {
    const tables = await h.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name: name } of tables) {
      if (TURN_TABLES.has(name)) continue;
      const [row] = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      counts[name] = Number(row?.n ?? 0);
    }
    return counts;
  }

  it('never crashes, never answers 500 or logs an error without a correlation id, and stores no partial state', async () => {
    const verbs = Object.keys(h.app.router.actions);
    expect(verbs).toContain('menu.open');
    const before = await featureTableCounts();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(buildArbitraries(verbs), async ({ kind, body }) => {
        runs += 1;
        const firstLine = lines.length;
        const response = await fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // No stack traces or internal details in any answer.
        expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        // Every error line a turn writes carries the correlation id the user was (or could be) told.
        const unmatched = lines.slice(firstLine).filter((l) => l.level >= 50 && typeof l.correlationId !== 'string');
        if (unmatched.length) failures.push(`error log line without correlation id (${unmatched.map((l) => l.msg).join(', ')}) for ${kind}: ${body.slice(0, 300)}`);
        expect(unmatched).toEqual([]);
        if (response.status >= 500 && response.status !== 501) {
          const logged = lines.slice(firstLine).some((l) => l.level >= 50 && typeof l.correlationId === 'string');
          if (!logged) failures.push(`${response.status} without correlation id for ${kind}: ${body.slice(0, 200)} → ${text.slice(0, 200)}`);
          expect(logged).toBe(true);
        }
        if (runs % 50 === 0) expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
      }),
      { seed: SEED, numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, endOnFailure: true },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${failures.join('\n')}`);
    });

    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.app.url}/readyz`)).status).toBe(200);
    // Also lines written after their response was sent.
    expect(lines.filter((l) => l.level >= 50 && typeof l.correlationId !== 'string')).toEqual([]);
    // Give any delivery the bot queued a moment, then compare every feature table.
    await h.app.sender.drain?.();
    expect(await featureTableCounts()).toEqual(before);
    // Nothing the fuzzer sent made the bot post into a channel on its own.
    expect(h.connector.delivered('send').filter((c) => c.conversationId === teams.noord.channelId)).toHaveLength(0);
    // Still a working bot afterwards.
    h.connector.reset();
    await h.send(personalMessage('menu', { from: users.consulent }));
    expect(h.cards().length).toBeGreaterThanOrEqual(1);
    const summary = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ');
    process.stdout.write(`fuzz: ${runs} payloads (seed ${SEED}); HTTP statuses ${summary}; ${lines.filter((l) => l.level >= 50).length} error log lines\n`);
    expect(runs).toBeGreaterThan(100);
  }, TIME_LIMIT_MS + 30_000);

  it('refuses activities nested deeper than Teams sends, or with text PostgreSQL cannot store, before touching anything', async () => {
    let deep: unknown = { id: '28:wendbaar-bot' };
    for (let i = 0; i < 3000; i++) deep = { inner: deep };
    const nested = { ...cardAction('menu.open', { command: 'menu' }, { from: users.consulent3 }), recipient: deep };
    const nul = personalMessage('menu\u0000', { from: users.consulent3 });
    const loneSurrogate = { ...personalMessage('menu', { from: users.consulent3 }), channelId: 'msteams\uD800' };
    const firstLine = lines.length;
    h.connector.reset();
    const post = (activity: unknown) => fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect((await post(nested)).status).toBe(400);
    expect((await post(nul)).status).toBe(200);
    expect((await post(loneSurrogate)).status).toBe(200);
    const logged = lines.slice(firstLine);
    expect(logged.filter((l) => l.msg === 'malformed activity ignored')).toHaveLength(3);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
    expect(h.connector.calls).toHaveLength(0);
    expect(await h.db.query(`SELECT 1 FROM people WHERE aad_object_id = $1`, [users.consulent3.aadObjectId])).toEqual([]);
  });
});
