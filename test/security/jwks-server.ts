import http from 'node:http';
import * as Jose from 'jose';
import type { JWK, JWTPayload, KeyLike } from 'jose';

/** jose 5 ships CommonJS too, so jest loads it like any other module. */
export const loadJose = async () => Jose;
type CryptoKey = KeyLike;

/** The issuer the Bot Connector puts in the tokens it sends to bots (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  /** Published in the JWKS; undefined = a key that signs but is not published (forgery). */
  jwk?: JWK & { endorsements?: string[] };
}

export interface TokenEndpointCall {
  grantType: string | null;
  clientId: string | null;
  scope: string | null;
}

/**
 * A local stand-in for the Bot Framework's identity endpoints: OpenID metadata, a JWKS whose keys
 * carry channel endorsements (as login.botframework.com does), and a client-credentials token
 * endpoint for the bot's outgoing calls.
 */
export class JwksServer {
  private server?: http.Server;
  url = '';
  readonly keys: TestKey[] = [];
  readonly tokenCalls: TokenEndpointCall[] = [];
  metadataRequests = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Creates an RS256 key; `endorsements` as the Bot Framework publishes them (e.g. ["msteams"]). */
  async addKey(kid: string, options: { endorsements?: string[]; publish?: boolean } = {}): Promise<TestKey> {
    const jose = await loadJose();
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
    const key: TestKey = { kid, privateKey };
    if (options.publish !== false) {
      key.jwk = { ...(await jose.exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: options.endorsements };
    }
    this.keys.push(key);
    return key;
  }

  /** Signs a Bot Connector-style token. `kid` may name another key than the signer (forgery). */
  async sign(signer: TestKey, claims: JWTPayload, options: { kid?: string; expiresIn?: number; issuedAt?: number } = {}): Promise<string> {
    const jose = await loadJose();
    const now = Math.floor(Date.now() / 1000);
    const iat = options.issuedAt ?? now;
    return new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? signer.kid })
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + (options.expiresIn ?? 3600))
      .sign(signer.privateKey);
  }

  /** The ConfigurationBotFrameworkAuthentication settings that point every endpoint here. */
  authOverrides(): Record<string, string> {
    return {
      ToChannelFromBotLoginUrl: `${this.url}/botframework.com`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      OAuthUrl: `${this.url}/oauth`,
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/channel/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/emulator/.well-known/openidconfiguration`,
      CallerId: 'urn:botframework:azure',
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path.endsWith('/.well-known/openidconfiguration')) {
        this.metadataRequests += 1;
        return json(200, {
          issuer: CHANNEL_ISSUER,
          authorization_endpoint: `${this.url}/authorize`,
          jwks_uri: `${this.url}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      if (path === '/keys') return json(200, { keys: this.keys.flatMap((k) => (k.jwk ? [k.jwk] : [])) });
      if (path.endsWith('/oauth2/v2.0/token') || path.endsWith('/token')) {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        this.tokenCalls.push({ grantType: form.get('grant_type'), clientId: form.get('client_id'), scope: form.get('scope') });
        return json(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: `outgoing-token-${this.tokenCalls.length}` });
      }
      json(404, { error: 'not found' });
    });
  }
}
