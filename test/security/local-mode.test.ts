import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../bot/main';
import { ConfigError, loadConfig } from '../../config';

/**
 * Local mode (no app credentials) checks no tokens: whoever reaches /api/messages can act as any
 * user, MT included. It may therefore only listen on loopback; a non-loopback HOST stops start-up
 * with one English line naming HOST, before anything listens.
 */
describe('security: local mode stays on loopback', () => {
  const exit = jest.spyOn(process, 'exit');
  const stderr = jest.spyOn(process.stderr, 'write');
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'wendbaar-local-mode-'));
    exit.mockImplementation(((code?: number) => {
      throw new Error(`process.exit(${code})`);
    }) as typeof process.exit);
    stderr.mockImplementation(() => true);
  });
  afterEach(() => {
    exit.mockReset();
    stderr.mockReset();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => jest.restoreAllMocks());

  it('refuses HOST=0.0.0.0 without credentials: exit code 2, one line naming HOST, nothing listening', async () => {
    const started = main({ HOST: '0.0.0.0', PORT: '0', LOG_LEVEL: 'silent', WENDBAAR_DATA_DIR: dataDir, WENDBAAR_DISABLE_SCHEDULER: 'true' });
    const outcome = await started.then(
      async (app) => {
        // The old behaviour: the bot listened on every interface. Close it so the run can end.
        await app.close();
        return `listening on ${app.url}`;
      },
      (error: Error) => error.message,
    );
    expect(outcome).toBe('process.exit(2)');
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written.trimEnd().split('\n')).toHaveLength(1);
    expect(written).toMatch(/^Invalid configuration: HOST: 0\.0\.0\.0 is not a loopback address;/);
    expect(written).toMatch(/MicrosoftAppId/);
  }, 120_000);

  it.each(['::', '192.168.1.20', '10.0.0.1', 'wendbaar.example.org', '::ffff:192.168.1.20'])('refuses HOST=%s without credentials', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: host })).toThrow(`Invalid configuration: HOST: ${host} is not a loopback address;`);
  });

  it.each(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1', 'localhost'])('accepts the loopback address HOST=%s in local mode', (host) => {
    expect(loadConfig({ HOST: host }).localMode).toBe(true);
  });

  it('accepts any address once credentials are set (token checks on)', () => {
    const config = loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant-id' });
    expect(config.localMode).toBe(false);
    expect(config.env.HOST).toBe('0.0.0.0');
  });
});
