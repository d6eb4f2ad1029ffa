import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../bot/main';

/**
 * `npm start`: the bot with the embedded database plus the Microsoft 365 Agents Playground, a
 * Teams-like chat on localhost that needs no Microsoft account.
 */
function localEnv(): NodeJS.ProcessEnv {
  const file = path.join(__dirname, '..', '..', 'config', 'local.env');
  const defaults: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) defaults[match[1]!] = match[2]!;
  }
  // The developer's own environment wins over the local defaults.
  return { ...defaults, ...process.env };
}

async function run() {
  const app = await main(localEnv());
  const playgroundPort = 56150;
  const bin = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [bin, '-e', `${app.url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(playgroundPort)], {
    // The playground exits when its stdin closes, so it gets a pipe that stays open.
    stdio: ['pipe', 'inherit', 'inherit'],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    cwd: path.join(__dirname, '..', '..'),
  });
  process.stdout.write(
    `\n  Wendbaar is running. Open http://localhost:${playgroundPort} in your browser and type "menu".\n` +
      `  (The chat client listens on all network interfaces; the bot itself only on ${app.url}.)\n\n`,
  );
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => {
    process.stderr.write(`Agents Playground stopped (${code ?? 'signal'}); the bot keeps running. Press Ctrl+C to stop.\n`);
  });
}

run().catch((error) => {
  process.stderr.write(`Wendbaar failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
