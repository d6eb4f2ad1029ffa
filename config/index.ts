import { ConfigError, parseEnv, type Env } from './env';
import { loadOffice, type Office } from './office';

export interface Config {
  env: Env;
  office: Office;
  /** No app credentials: accept unauthenticated traffic, but only on loopback. */
  localMode: boolean;
}

/** Parsed once at start-up from a parameter, so tests pass their own environment. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = parseEnv(source);
  const office = loadOffice(env.WENDBAAR_OFFICE_FILE);
  const known = new Set(office.regioteams.map((t) => t.id));
  const unknown = Object.keys(env.WENDBAAR_TEAMLEIDERS).filter((team) => !known.has(team));
  if (unknown.length > 0) {
    throw new ConfigError(`Invalid configuration: WENDBAAR_TEAMLEIDERS: unknown regioteam ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  const localMode = !env.MicrosoftAppId;
  return { env, office, localMode };
}

export { ConfigError };
export type { Env } from './env';
export type { Office, Regioteam } from './office';
