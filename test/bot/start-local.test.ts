import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { personalMessage, useServiceUrl } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { FakeConnector } from '../harness/fake-connector';
import { cardsOf } from '../harness/harness';
import { testDialect } from '../harness/test-db';

/**
 * `npm start` as a newcomer sees it, on whichever Node runs the suite: the bot and the Agents
 * Playground start without a deprecation warning, log lines are readable text rather than JSON, the
 * bot answers "menu", and Ctrl+C (SIGINT to the whole process group, as a terminal sends it) ends
 * with a message that says what really happened.
 */
const ROOT = path.join(__dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// npm start always uses the embedded database, so the PostgreSQL pass of the suite has nothing to add.
const embeddedPass = testDialect() === 'pglite' ? describe : describe.skip;

embeddedPass('npm start (local mode with the Agents Playground)', () => {
  let dataDir: string;
  let connector: FakeConnector;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'wendbaar-start-'));
    connector = await new FakeConnector().start();
    useServiceUrl(connector.url);
  });
  afterAll(async () => {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts cleanly, answers "menu" and says on Ctrl+C that everything stopped', async () => {
    const playgroundPort = await freePort();
    // A clean environment: jest's NODE_OPTIONS (--no-deprecation) must not hide warnings here.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-local.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        WENDBAAR_DATA_DIR: dataDir,
        WENDBAAR_PLAYGROUND_PORT: String(playgroundPort),
        WENDBAAR_DISABLE_SCHEDULER: 'true',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    try {
      const deadline = Date.now() + 150_000;
      while (!/the bot itself only on (http:\/\/\S+?)\.\)/.test(output) || !output.includes(`Listening on ${playgroundPort}`)) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const botUrl = /the bot itself only on (http:\/\/\S+?)\.\)/.exec(output)![1]!;

      const response = await fetch(`${botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage('menu', { from: users.consulent })),
      });
      expect(response.status).toBe(200);
      await connector.waitFor((calls) => calls.some((call) => cardsOf(call).length > 0), 30_000);
      expect(JSON.stringify(connector.calls.flatMap(cardsOf))).toContain('MDO-deelname');

      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }

    expect(output).not.toMatch(/DeprecationWarning|\bDEP0\d{3}\b/);
    const lines = output.split('\n');
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: Local mode: no Microsoft app credentials/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: shutting down/));
    expect(output).not.toContain('keeps running');
    expect(output).toMatch(/INFO: shutting down[^\n]*\n(.*\n)*Wendbaar stopped; the Agents Playground stops with it\.\n/);
  }, 240_000);
});
