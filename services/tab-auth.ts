import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { resolveActor, type Actor, type RoleSettings } from './authz';
import type { Queryable } from './db';
import { getPerson } from './people/store';

/**
 * Who is looking at the Overzicht tab. Inside Teams the page sends the Teams SSO token
 * (`authentication.getAuthToken`); it is an Entra ID access token for the app's id URI
 * `api://<host>/<app id>`, signed with Microsoft's published keys.
 */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface TabAuthSettings {
  /** MicrosoftAppId; the tab's SSO app registration is the bot's. */
  appId: string;
  /** Host (and path) of WENDBAAR_PUBLIC_URL, as in the manifest's webApplicationInfo.resource. */
  host: string;
  /** MicrosoftAppTenantId; when set only this tenant's tokens are accepted. */
  tenantId?: string;
  /** Where the signing keys are published; tests serve their own. */
  jwksUrl?: string;
  now: () => Date;
}

export type TabAuthFailure = 'missing' | 'malformed' | 'expired' | 'audience' | 'issuer' | 'signature' | 'claims';

export class TabAuthError extends Error {
  override readonly name = 'TabAuthError';
  constructor(
    readonly reason: TabAuthFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface TabIdentity {
  aadObjectId: string;
  name: string;
  upn?: string;
  tenantId: string;
}

export function appIdUri(settings: Pick<TabAuthSettings, 'host' | 'appId'>): string {
  return `api://${settings.host}/${settings.appId}`;
}

/** Returns a verifier for Bearer tokens; keys are fetched once and cached by jose. */
export function createTabTokenVerifier(settings: TabAuthSettings): (token: string | undefined) => Promise<TabIdentity> {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const audiences = [appIdUri(settings), settings.appId];
  return async (token) => {
    if (!token) throw new TabAuthError('missing', 'no token');
    keys ??= createRemoteJWKSet(new URL(settings.jwksUrl ?? MICROSOFT_JWKS_URL), { cooldownDuration: 60_000, timeoutDuration: 5_000 });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: audiences,
        algorithms: ['RS256'],
        currentDate: settings.now(),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TabAuthError('expired', 'token expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new TabAuthError(error.claim === 'aud' ? 'audience' : 'claims', `claim ${error.claim} rejected`);
      }
      if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
        throw new TabAuthError('signature', 'signature does not match a published key');
      }
      if (error instanceof errors.JOSEError) throw new TabAuthError('malformed', error.code);
      throw error;
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!tid || !oid) throw new TabAuthError('claims', 'token lacks tid or oid');
    if (settings.tenantId && tid.toLowerCase() !== settings.tenantId.toLowerCase()) throw new TabAuthError('issuer', 'token from another tenant');
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!issuers.includes(String(payload.iss))) throw new TabAuthError('issuer', 'unexpected issuer');
    const upn = [payload.preferred_username, payload.upn].find((v): v is string => typeof v === 'string');
    return { aadObjectId: oid, name: typeof payload.name === 'string' ? payload.name : '', upn, tenantId: tid };
  };
}

/** The tab's actor: roles from configuration, the regioteam from what the bot stored about the person. */
export async function resolveTabActor(q: Queryable, identity: Pick<TabIdentity, 'aadObjectId' | 'name' | 'upn'>, roles: RoleSettings): Promise<Actor> {
  const person = await getPerson(q, identity.aadObjectId);
  return resolveActor(
    { aadObjectId: identity.aadObjectId, name: person?.name || identity.name, upn: identity.upn ?? person?.upn, regioteam: person?.regioteam },
    roles,
  );
}
