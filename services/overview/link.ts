import type { Env } from '../../config/env';

/** The static tab's entityId in the app manifest (manifest/templates/manifest.json). */
const OVERVIEW_ENTITY_ID = 'overzicht';

/**
 * Where a button opens the Overzicht tab: a Teams deep link to the app's personal tab (the app id is
 * the bot's MicrosoftAppId, see scripts/package-app.ts), or the local page when no app is registered.
 */
export function overviewTabUrl(env: Pick<Env, 'MicrosoftAppId' | 'WENDBAAR_PUBLIC_URL' | 'PORT'>): string {
  if (env.MicrosoftAppId) return `https://teams.microsoft.com/l/entity/${encodeURIComponent(env.MicrosoftAppId)}/${OVERVIEW_ENTITY_ID}`;
  const base = env.WENDBAAR_PUBLIC_URL ? env.WENDBAAR_PUBLIC_URL.replace(/\/+$/, '') : `http://localhost:${env.PORT}`;
  return `${base}/tab/index.html`;
}
