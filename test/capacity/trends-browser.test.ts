import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { startOffice } from '../status/helpers';
import { ARTIFACTS, describeBrowser, launchChromium } from '../tab/chromium';
import { weekOfFigures } from './helpers';

/**
 * The Overzicht's "Capaciteit per week" in headless Chromium: eleven weekly snapshots made by the
 * weekly job from werkdruk figures entered on the card, five of them above 110 % of the norm.
 */
jest.setTimeout(240_000);

describeBrowser('the weekly capacity trends in the Overzicht tab', () => {
  let browser: Browser;
  let page: Page;
  const section = () => page.locator('#sectie-capaciteit');
  async function signInAs(user: TestUser) {
    await page.selectOption('#dev-gebruiker', user.aadObjectId);
    await page.waitForFunction((id) => sessionStorage.getItem('wendbaar.devUser') === id && document.body.dataset.geladen === 'ja', user.aadObjectId);
    await page.waitForSelector('#secties:not([hidden])');
  }

  let h: Harness;

  beforeAll(async () => {
    h = await startOffice({});
    for (const [n, open] of [60, 60, 70, 70, 70, 72, 70, 55, 55, 55, 55].entries()) await weekOfFigures(h, n, open);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    // axe-core is injected as an inline script, which the tab's CSP rightly forbids.
    page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
    await page.goto(`${h.app.url}/tab/index.html`);
    await page.waitForSelector('#dev-panel:not([hidden])');
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('shows each team\'s weeks per measure with the threshold, readable in every theme', async () => {
    await signInAs(users.mt);
    const text = await section().innerText();
    expect(text).toContain('Regioteam Noord');
    expect(text).toContain('Open casussen t.o.v. de norm');
    expect(text).toContain('drempel 110 %');
    const noordOpen = section().locator('.trend').first();
    // Eleven weekly snapshots (weeks 1 to 11), five of them above 110 % of the norm.
    await expect(noordOpen.locator('li').count()).resolves.toBe(11);
    await expect(noordOpen.locator('.trend-col.beyond').count()).resolves.toBe(5);
    await expect(noordOpen.locator('li').nth(3).innerText()).resolves.toBe('wk 4: 117 % (voorbij de drempel)');
    await page.evaluate(() => document.getElementById('sectie-capaciteit')!.scrollIntoView());
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.selectOption('#dev-thema', theme);
      await section().screenshot({ path: path.join(ARTIFACTS, `capaciteit-trends-${theme}.png`) });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const serious = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        const result = await axe.run({ include: [['#sectie-capaciteit']] }, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect({ theme, serious }).toEqual({ theme, serious: [] });
    }
    await page.selectOption('#dev-thema', 'default');
  });

  it('a teamleider sees the trends too; a consulent is told who can', async () => {
    await signInAs(users.teamleiderZuid);
    await expect(section().locator('.trend').count()).resolves.toBe(10);
    await signInAs(users.consulent);
    await expect(section().innerText()).resolves.toContain('alleen het MT, beleidsmedewerkers en teamleiders');
  });
});
