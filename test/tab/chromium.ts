import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * Headless Chromium for the Overzicht browser tests: Debian's /usr/bin/chromium. Without it the
 * tests are skipped with a message, except in CI, where a missing browser is a failure.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(__dirname, '..', '..', 'artifacts', 'tab');
const hasChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is there; otherwise registers the skip (or, in CI, the failure). */
export function describeBrowser(name: string, tests: () => void): void {
  if (hasChromium) {
    describe(name, tests);
  } else if (process.env.CI === 'true') {
    test('Chromium is installed for the browser tests', () => {
      throw new Error(`${CHROMIUM} is missing; CI must install Debian's chromium package for the Overzicht browser tests`);
    });
  } else {
    test.skip(`Overzicht browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`, () => undefined);
  }
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
