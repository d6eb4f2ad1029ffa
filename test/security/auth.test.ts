import { MicrosoftAppCredentials } from 'botframework-connector';
import { personalMessage } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { CHANNEL_ISSUER, JwksServer, type TestKey } from './jwks-server';

/**
 * Bot Framework authentication with credentials configured. The bot's botbuilder authentication is
 * pointed at a local OpenID metadata + JWKS endpoint (see jwks-server.ts) and every way a token can
 * be wrong is tried through HTTP. A refused request answers 401 and the bot sends nothing.
 */
const APP_ID = '00000000-1111-2222-3333-444444444444';
const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('security: Bot Framework token validation with credentials configured', () => {
  let h: Harness;
  let idp: JwksServer;
  let teamsKey: TestKey;
  let webchatKey: TestKey;
  let forgerKey: TestKey;
  const serviceUrl = () => h.connector.url;
  const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);

  beforeAll(async () => {
    idp = await new JwksServer().start();
    teamsKey = await idp.addKey('teams-key', { endorsements: ['msteams', 'webchat'] });
    webchatKey = await idp.addKey('webchat-key', { endorsements: ['webchat'] });
    forgerKey = await idp.addKey('forger-key', { publish: false });
    // MSAL (which botbuilder uses for the bot's own outgoing token) only accepts https authorities,
    // so the credential's token request is made here, against the configured ToChannelFromBotLoginUrl.
    jest.spyOn(MicrosoftAppCredentials.prototype, 'getToken').mockImplementation(async function (this: MicrosoftAppCredentials) {
      const endpoint = `${this.oAuthEndpoint}/oauth2/v2.0/token`;
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.appId, client_secret: 'secret', scope: `${this.oAuthScope}/.default` }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    });
    h = await startHarness({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppType: 'SingleTenant' },
      authOverrides: idp.authOverrides(),
    });
    expect(h.config.localMode).toBe(false);
  });
  afterAll(async () => {
    await h?.close();
    await idp?.stop();
    jest.restoreAllMocks();
  });
  beforeEach(() => {
    h.connector.reset();
    consoleError.mockClear();
  });

  const claims = (overrides: Record<string, unknown> = {}) => ({ iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: serviceUrl(), ...overrides });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function expectRefused(headers: Record<string, string>, activity = personalMessage('menu', { from: users.consulent })) {
    const { status } = await h.send(activity, headers);
    expect(status).toBe(401);
    // Nothing was handled: no reply, no person or conversation stored for this activity.
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
    const seen = await h.db.query(`SELECT 1 FROM processed_activities WHERE activity_id LIKE $1`, [`%|${activity.id}`]);
    expect(seen).toHaveLength(0);
  }

  it('accepts a valid Bot Connector token and replies through the connector with its own token', async () => {
    const token = await idp.sign(teamsKey, claims());
    const { status } = await h.send(personalMessage('menu', { from: users.consulent }), bearer(token));
    expect(status).toBe(200);
    await h.connector.waitFor(() => h.connector.delivered('send').length + h.connector.delivered('reply').length >= 1);
    expect(h.cards().length).toBeGreaterThanOrEqual(1);
    // The outgoing reply asked the configured login endpoint for a client-credentials token.
    expect(idp.tokenCalls.at(-1)).toMatchObject({ grantType: 'client_credentials', clientId: APP_ID });
  });

  it('refuses a request without a token', async () => {
    await expectRefused({});
  });

  it('refuses a non-Bearer or garbled authorization header', async () => {
    await expectRefused({ authorization: 'Basic dXNlcjpwYXNz' });
    await expectRefused({ authorization: 'Bearer not-a-jwt' });
  });

  it('refuses an expired token (beyond the five-minute clock tolerance)', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await expectRefused(bearer(await idp.sign(teamsKey, claims(), { issuedAt: hourAgo, expiresIn: 600 })));
  });

  it('refuses a token for another bot (wrong audience)', async () => {
    await expectRefused(bearer(await idp.sign(teamsKey, claims({ aud: 'ffffffff-0000-0000-0000-000000000000' }))));
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(bearer(await idp.sign(teamsKey, claims({ iss: 'https://login.example.org/attacker' }))));
  });

  it('refuses a token with a forged signature (signed by an unpublished key under a published kid)', async () => {
    await expectRefused(bearer(await idp.sign(forgerKey, claims(), { kid: teamsKey.kid })));
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT', kid: teamsKey.kid })}.${b64({ ...claims(), iat: now, nbf: now, exp: now + 3600 })}.`;
    await expectRefused(bearer(unsigned));
  });

  it('refuses a token whose key id is not published', async () => {
    await expectRefused(bearer(await idp.sign(forgerKey, claims())));
  });

  it('refuses an activity whose serviceUrl does not match the token\'s serviceurl claim', async () => {
    const token = await idp.sign(teamsKey, claims({ serviceurl: 'https://smba.trafficmanager.net/emea/' }));
    await expectRefused(bearer(token));
  });

  it('refuses a token signed with a key that is not endorsed for msteams', async () => {
    await expectRefused(bearer(await idp.sign(webchatKey, claims())));
  });

  it('still serves health and readiness without a token', async () => {
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.app.url}/readyz`)).status).toBe(200);
  });
});
