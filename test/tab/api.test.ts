import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadOffice } from '../../config/office';
import { resolveActor } from '../../services/authz';
import { saveFigures } from '../../services/caseload/store/figures';
import { ManualClock } from '../../services/clock';
import { buildOverview } from '../../services/overview/build';
import { workloadView } from '../../services/overview/sections/workload';
import { defaultSources } from '../../services/overview/sources';
import { upsertPerson } from '../../services/people/store';
import { startHarness, type Harness } from '../harness/harness';
import { captureLogs } from '../harness/log-capture';
import { users } from '../fixtures/people';

const APP_ID = '7c2f3a55-1d2e-4b0a-9f3e-2a1b0c9d8e7f';
const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';
const HOST = 'wendbaar.example.org';
const NOW = new Date('2026-11-24T09:00:00+01:00');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key-1';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function token(claims: Record<string, unknown>, key: KeyObject = signingKey.privateKey): string {
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID })}.${b64(claims)}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}
/** A Teams SSO (Entra ID v2) access token for the tab, as getAuthToken() returns it. */
function ssoToken(user: { aadObjectId: string; name: string }, overrides: Record<string, unknown> = {}, key?: KeyObject) {
  return token(
    {
      aud: `api://${HOST}/${APP_ID}`,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: user.aadObjectId,
      name: user.name,
      preferred_username: `${user.aadObjectId}@rbl.example`,
      scp: 'access_as_user',
      iat: seconds(NOW) - 60,
      nbf: seconds(NOW) - 60,
      exp: seconds(NOW) + 3600,
      ...overrides,
    },
    key,
  );
}

let jwks: Server;
let h: Harness;
const logs = captureLogs();
const logRecords = () => logs.lines.map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string });

beforeAll(async () => {
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [{ ...signingKey.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' }] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`;
  h = await startHarness({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: TENANT, WENDBAAR_PUBLIC_URL: `https://${HOST}` },
    authOverrides: { TabJwksUrl: jwksUrl },
    log: logs.log,
  });
  for (const [user, regioteam, open] of [
    [users.consulent, 'noord', 48],
    [users.consulent2, 'noord', 71],
    [users.consulent3, 'zuid', 55],
    [users.consulent4, 'zuid', 66],
  ] as const) {
    await upsertPerson(h.db, { aadObjectId: user.aadObjectId, name: user.name, regioteam });
    await saveFigures(h.db, user.aadObjectId, { openCases: open, complexCases: 3, newThisWeek: 1, absentDays: 0, isBuffer: false }, 'card', NOW);
  }
});

afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => jwks?.close(resolve));
});

async function getOverview(authorization?: string, path = '/api/overview') {
  const response = await fetch(`${h.app.url}${path}`, { headers: authorization ? { authorization } : {} });
  const text = await response.text();
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

describe('the Overzicht API refuses requests without a valid Teams token', () => {
  test.each([
    ['no token at all', () => undefined, 'missing'],
    ['an expired token', () => `Bearer ${ssoToken(users.consulent, { exp: seconds(NOW) - 3600, iat: seconds(NOW) - 7200, nbf: seconds(NOW) - 7200 })}`, 'expired'],
    ['a token for another app (wrong audience)', () => `Bearer ${ssoToken(users.consulent, { aud: 'api://elsewhere.example.org/0f0f0f0f-0000-4000-8000-000000000000' })}`, 'audience'],
    ['a token signed with a key Microsoft did not publish', () => `Bearer ${ssoToken(users.consulent, {}, otherKey.privateKey)}`, 'signature'],
    ['a token of another tenant', () => `Bearer ${ssoToken(users.consulent, { tid: 'ffffffff-0000-4000-8000-000000000000', iss: 'https://login.microsoftonline.com/ffffffff-0000-4000-8000-000000000000/v2.0' })}`, 'issuer'],
    ['a garbled token', () => 'Bearer not.a.token', 'malformed'],
    ['the development sign-in outside local mode', () => `Dev ${users.mt.aadObjectId}`, 'dev-disabled'],
  ])('%s → 401 and no data', async (_name, header, reason) => {
    const { status, body } = await getOverview(header());
    expect(status).toBe(401);
    expect(body).toEqual({ error: expect.any(String), reason });
    expect(JSON.stringify(body)).not.toMatch(/Sanne|Daan|Noor|Milan/);
  });

  test('the operator log says why a token was refused, without the token or the name in it', async () => {
    const before = logs.lines.length;
    const expired = ssoToken(users.consulent, { exp: seconds(NOW) - 3600, iat: seconds(NOW) - 7200, nbf: seconds(NOW) - 7200 });
    expect((await getOverview(`Bearer ${expired}`)).status).toBe(401);
    const refused = logRecords().slice(before).filter((r) => r.msg === 'tab token refused');
    expect(refused).toEqual([expect.objectContaining({ reason: 'expired' })]);
    expect(logs.lines.slice(before).join('\n')).not.toContain(expired.split('.')[1]);
    expect(logs.lines.slice(before).join('\n')).not.toContain(users.consulent.name);
  });

  test('the development sign-in and its user list do not exist outside local mode', async () => {
    expect((await getOverview(undefined, '/api/overview/config')).body).toMatchObject({ devSignIn: false, sso: true });
    expect((await getOverview(undefined, '/api/overview/dev-users')).status).toBe(404);
  });
});

describe('a valid token shows the sections the role may see', () => {
  test('a consulent sees per-person workload of their own team only', async () => {
    const { status, body } = await getOverview(`Bearer ${ssoToken(users.consulent)}`);
    expect(status).toBe(200);
    expect(body.actor).toEqual({ name: 'Sanne Bakker', roleLabel: 'Leerplichtconsulent', regioteam: 'Regioteam Noord' });
    const [noord, zuid] = body.workload.data.teams;
    expect(noord.persons).toEqual([
      { name: 'Daan Jansen', openCases: 71, isBuffer: false },
      { name: 'Sanne Bakker', openCases: 48, isBuffer: false },
    ]);
    expect(zuid).toMatchObject({ regioteam: 'zuid', people: 2, totalOpen: 121, aboveNorm: 1 });
    expect(zuid.persons).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/Noor Hendriks|Milan de Boer/);
    expect(body.evaluation.state).toBe('forbidden');
    expect(body.mdo.state).toBe('forbidden');
  });

  test('the teamleider of Zuid sees Zuid per person, the MT sees everyone; both see the evaluation', async () => {
    const zuid = await getOverview(`Bearer ${ssoToken(users.teamleiderZuid)}`);
    expect(zuid.body.workload.data.teams.map((t: { persons?: unknown[] }) => t.persons?.length)).toEqual([undefined, 2]);
    expect(zuid.body.evaluation.state).toBe('ok');
    const mt = await getOverview(`Bearer ${ssoToken(users.mt)}`);
    expect(mt.body.actor.roleLabel).toBe('MT');
    expect(mt.body.workload.data.teams.map((t: { persons?: unknown[] }) => t.persons?.length)).toEqual([2, 2]);
  });

  test('the evaluation exports as CSV and Markdown for the MT, not for a consulent', async () => {
    const csv = await getOverview(`Bearer ${ssoToken(users.mt)}`, '/api/overview/evaluation/csv');
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe('"Onderdeel";"Kenmerk";"Waarde"');
    expect(csv.body).toContain('"Ondersteuningsvragen";"Gevraagd";"0"');
    const md = await getOverview(`Bearer ${ssoToken(users.mt)}`, '/api/overview/evaluation/md');
    expect(md.body).toContain('# Halfjaarlijkse evaluatie RBL');
    expect(md.body).toContain('| Gevraagd | 0 |');
    expect((await getOverview(`Bearer ${ssoToken(users.consulent)}`, '/api/overview/evaluation/csv')).status).toBe(403);
  });
});

test('with showOtherTeamsWorkload a consulent also sees other teams per person', () => {
  const office = { ...loadOffice(), showOtherTeamsWorkload: true };
  const consulent = resolveActor({ aadObjectId: users.consulent.aadObjectId, name: 'Sanne Bakker', regioteam: 'noord' }, { mt: [], beleid: [], teamleiders: {} });
  const rows = [
    { aadObjectId: 'a', name: 'Noor Hendriks', regioteam: 'zuid', openCases: 55, complexCases: 0, newThisWeek: 0, absentDays: 0, norm: 60, isBuffer: false },
  ];
  expect(workloadView(rows, consulent, office)[1]!.persons).toEqual([{ name: 'Noor Hendriks', openCases: 55, isBuffer: false }]);
  expect(workloadView(rows, consulent, { ...office, showOtherTeamsWorkload: false })[1]!.persons).toBeUndefined();
});

test('a section whose data cannot be read shows as not available and is logged with the request\'s correlation id', async () => {
  const before = logs.lines.length;
  await h.db.query('ALTER TABLE mdo_decisions RENAME TO mdo_decisions_away');
  let response: Awaited<ReturnType<typeof getOverview>>;
  try {
    response = await getOverview(`Bearer ${ssoToken(users.mt)}`);
  } finally {
    await h.db.query('ALTER TABLE mdo_decisions_away RENAME TO mdo_decisions');
  }
  expect(response.status).toBe(200);
  expect(response.body.mdo).toEqual({ state: 'unavailable' });
  expect(response.body.evaluation.data.missing).toEqual(['MDO-besluiten']);
  expect(response.body.status.state).toBe('ok');
  const logged = logRecords().slice(before).filter((r) => /unavailable/.test(r.msg));
  expect(logged).toHaveLength(2);
  expect(logged).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ msg: 'overview section unavailable', section: 'mdo', err: expect.objectContaining({ code: '42P01' }) }),
      expect.objectContaining({ msg: 'overview section unavailable', section: 'evaluation: MDO-besluiten', err: expect.objectContaining({ code: '42P01' }) }),
    ]),
  );
  expect(new Set(logged.map((r) => r.correlationId)).size).toBe(1);
  expect(logged[0]!.correlationId).toEqual(expect.any(String));
});

test('a feature whose summary fails shows as not available, the other sections still load', async () => {
  const mt = resolveActor({ aadObjectId: users.mt.aadObjectId, name: 'Fatima El Amrani' }, { mt: [users.mt.aadObjectId], beleid: [], teamleiders: {} });
  const broken = () => Promise.reject(new Error('relation "monitoring_stages" does not exist'));
  const { log, lines } = captureLogs();
  const ctx = { db: h.db, clock: new ManualClock(NOW), config: h.config, roles: { mt: [users.mt.aadObjectId], beleid: [], teamleiders: {} }, log, correlationId: 'test', actor: mt };
  const view = await buildOverview(ctx, { ...defaultSources, monitoring: broken, mdo: broken });
  expect(view.monitoring).toEqual({ state: 'unavailable' });
  expect(view.mdo).toEqual({ state: 'unavailable' });
  expect(view.status.state).toBe('ok');
  expect(view.evaluation.state === 'ok' && view.evaluation.data.missing).toEqual(['MDO-besluiten', 'Monitoring']);
  const sections = lines.map((line) => JSON.parse(line) as { section: string; err: { message: string } });
  expect(sections.map((r) => r.section).sort()).toEqual(['evaluation: MDO-besluiten', 'evaluation: Monitoring', 'mdo', 'monitoring']);
  expect(sections.every((r) => r.err.message === 'relation "monitoring_stages" does not exist')).toBe(true);
});
