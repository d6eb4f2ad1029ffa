import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import pretty from 'pino-pretty';
import { main } from '../bot/main';
import { projectRoot } from './package-app';

/**
 * `npm start`: the bot with the embedded database plus the Microsoft 365 Agents Playground, a
 * Teams-like chat on localhost that needs no Microsoft account.
 */
function localEnv(root: string): NodeJS.ProcessEnv {
  const file = path.join(root, 'config', 'local.env');
  const defaults: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) defaults[match[1]!] = match[2]!;
  }
  // The developer's own environment wins over the local defaults.
  return { ...defaults, ...process.env };
}

interface PlaygroundUser {
  id: string;
  name: string;
  [key: string]: unknown;
}

interface PlaygroundConfig {
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  [key: string]: unknown;
}

/** A mistake in the command line or the playground file: reported without a stack trace. */
class UsageError extends Error {}

/**
 * The playground has no user switcher: it always chats as `currentUser`. `npm start -- ruben` (any
 * part of a name or id in .m365agentsplayground.yml) writes a copy of that file to data/ in which
 * that person is the current user, so each role can be tried; the database keeps its state.
 */
function playgroundConfig(root: string, who: string | undefined): { path?: string; name: string } {
  const file = path.join(root, '.m365agentsplayground.yml');
  const config = yaml.load(readFileSync(file, 'utf8')) as PlaygroundConfig;
  if (!config?.currentUser || !Array.isArray(config.users)) {
    throw new UsageError('.m365agentsplayground.yml: expected currentUser and users sections');
  }
  const current = config.currentUser;
  if (!who) return { name: current.name };
  const needle = who.toLowerCase();
  const everyone = [current, ...config.users];
  const chosen = everyone.find((u) => `${u.id} ${u.name}`.toLowerCase().includes(needle));
  if (!chosen) {
    throw new UsageError(`No playground user matches "${who}". Choose one of:\n${everyone.map((u) => `  ${u.name}`).join('\n')}`);
  }
  if (chosen === current) return { name: current.name };
  // The playground wants exactly five `users` besides the current one: swap the two.
  const swapped: PlaygroundConfig = { ...config, currentUser: chosen, users: config.users.map((u) => (u === chosen ? current : u)) };
  const target = path.join(root, 'data', 'playground.yml');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `# Written by npm start -- ${who}; edit .m365agentsplayground.yml instead.\n${yaml.dump(swapped, { lineWidth: -1 })}`);
  return { path: target, name: chosen.name };
}

async function run() {
  const root = projectRoot();
  const user = playgroundConfig(root, process.argv[2]);
  // Readable lines for a person at a terminal; `npm run serve` keeps JSON for log collectors.
  const logDestination = pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', singleLine: true, sync: true });
  const app = await main(localEnv(root), { logDestination });
  const playgroundPort = Number(process.env.WENDBAAR_PLAYGROUND_PORT || 56150);
  const bin = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [bin, '-e', `${app.url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(playgroundPort)], {
    // The playground exits when its stdin closes, so it gets a pipe that stays open.
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', ...(user.path ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: user.path } : {}) },
    cwd: root,
  });
  process.stdout.write(
    `\n  Wendbaar is running. Open http://localhost:${playgroundPort} in your browser and type "menu".\n` +
      `  You chat as ${user.name}. Another role: stop and run e.g. "npm start -- ruben" (names in .m365agentsplayground.yml).\n` +
      `  (The chat client listens on all network interfaces; the bot itself only on ${app.url}.)\n\n`,
  );
  // Ctrl+C reaches the bot (bot/main.ts shuts it down and exits) and the playground alike.
  let stopping = false;
  const stop = () => {
    stopping = true;
    child.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('exit', () => {
    if (stopping) process.stdout.write('Wendbaar stopped; the Agents Playground stops with it.\n');
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`Agents Playground stopped (${code ?? signal}); the bot still answers on ${app.url}/api/messages. Press Ctrl+C to stop it.\n`);
  });
}

run().catch((error) => {
  const detail = error instanceof UsageError ? error.message : ((error as Error).stack ?? error);
  process.stderr.write(`Wendbaar failed to start: ${detail}\n`);
  process.exit(1);
});
