import { isIP } from 'node:net';
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
  if (localMode && env.HOST && !isLoopbackHost(env.HOST)) {
    // Without credentials nobody's token is checked: anyone who reaches the port could act as any user.
    throw new ConfigError(
      `Invalid configuration: HOST: ${env.HOST} is not a loopback address; local mode (no MicrosoftAppId) checks no tokens, so it only listens on 127.0.0.1, ::1 or localhost (leave HOST empty, or set MicrosoftAppId and MicrosoftAppPassword)`,
    );
  }
  return { env, office, localMode };
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and the name localhost; any other name may resolve elsewhere. */
export function isLoopbackHost(host: string): boolean {
  const value = host.trim().toLowerCase();
  if (value === 'localhost') return true;
  const v4 = value.startsWith('::ffff:') ? value.slice('::ffff:'.length) : value;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return isIP(value) === 6 && /^(0{0,4}:){2,7}0{0,3}1$/.test(value);
}

export { ConfigError };
export type { Env } from './env';
export type { Office, Regioteam } from './office';
