import { loadConfig, type Config } from '../../config';
import { startServer, type RunningServer } from '../../bot/server';
import { ManualClock, type Clock } from '../../services/clock';
import type { Database } from '../../services/db';
import { createLogger, type Logger } from '../../services/logger';
import { personalConversationId, useServiceUrl, type TestActivity } from '../fixtures/activities';
import type { TestUser } from '../fixtures/people';
import { roleEnv } from '../fixtures/people';
import { FakeConnector, type RecordedCall } from './fake-connector';
import { openTestDatabase, type TestDatabase } from './test-db';

export interface HarnessOptions {
  env?: Record<string, string>;
  clock?: Clock;
  /** Reuse a database (a second replica); by default each harness gets a fresh one. */
  db?: Database;
  connector?: FakeConnector;
  log?: Logger;
  authOverrides?: Record<string, string>;
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  value: any;
}

export interface Harness {
  app: RunningServer;
  connector: FakeConnector;
  db: Database;
  testDb?: TestDatabase;
  config: Config;
  clock: Clock;
  /** POSTs an activity to /api/messages like the Bot Connector does. */
  send(activity: TestActivity, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Sends a card action and returns the invoke response body. */
  invoke(activity: TestActivity): Promise<InvokeBody>;
  /** Cards the bot posted or replied with since the last reset, newest last. */
  cards(filter?: (call: RecordedCall) => boolean): Array<Record<string, unknown>>;
  lastCard(): Record<string, unknown> | undefined;
  /** Cards this person received in their personal chat (whether they opened it or the bot did). */
  personalCards(user: TestUser): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export const testEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  PORT: '0',
  LOG_LEVEL: 'silent',
  WENDBAAR_DISABLE_SCHEDULER: 'true',
  WENDBAAR_SENDER_INTERVAL_MS: '20',
  ...roleEnv,
  ...extra,
});

export function cardsOf(call: RecordedCall): Array<Record<string, unknown>> {
  const attachments = (call.body?.attachments ?? call.body?.activity?.attachments ?? []) as Array<{ contentType: string; content: Record<string, unknown> }>;
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
}

/** Starts the real server on a free port with a fake Bot Connector and a fresh database. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const connector = options.connector ?? (await new FakeConnector().start());
  useServiceUrl(connector.url);
  const testDb = options.db ? undefined : await openTestDatabase();
  const db = options.db ?? testDb!.db;
  const config = loadConfig(testEnv(options.env));
  const clock = options.clock ?? new ManualClock(new Date('2026-11-24T09:00:00+01:00'));
  const app = await startServer({ config, db, clock, log: options.log ?? createLogger('silent'), authOverrides: options.authOverrides });

  async function send(activity: TestActivity, headers: Record<string, string> = {}) {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* plain text body */
    }
    return { status: response.status, body };
  }

  const harness: Harness = {
    app,
    connector,
    db,
    testDb,
    config,
    clock,
    send,
    async invoke(activity) {
      const { status, body } = await send(activity);
      if (status !== 200) throw new Error(`invoke answered HTTP ${status}: ${JSON.stringify(body)}`);
      return body as InvokeBody;
    },
    cards(filter) {
      return connector.calls.filter((c) => c.status >= 200 && c.status < 300 && (!filter || filter(c))).flatMap(cardsOf);
    },
    lastCard() {
      return harness.cards().at(-1);
    },
    personalCards(user) {
      return harness.cards((c) => c.conversationId === personalConversationId(user) || connector.isPersonalChatWith(c.conversationId, user.id));
    },
    async close() {
      await app.close();
      if (!options.connector) await connector.stop();
      await testDb?.close();
    },
  };
  return harness;
}
