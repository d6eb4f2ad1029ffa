import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../services/clock';
import { botInstalled, cardAction, channelMessage, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { ARTIFACTS, describeBrowser, launchChromium } from './chromium';

/**
 * The office's time zone is configurable (WENDBAAR_TIME_ZONE); the tab shows moments in that zone,
 * whatever the browser's zone is, and calendar days (a period, a start date) as the same day.
 * Here the office is in Auckland (UTC+13 in November) and the browser in New York.
 */
jest.setTimeout(120_000);

// 20:30 UTC on 24 November: 09:30 on 25 November in Auckland, 21:30 on the 24th in Amsterdam.
const NOW = new Date('2026-11-24T20:30:00Z');

describeBrowser('the Overzicht tab of an office in another time zone', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness({ env: { WENDBAAR_TIME_ZONE: 'Pacific/Auckland' }, clock: new ManualClock(NOW) });
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(channelMessage('menu', { from: users.consulent2 }));
    await h.invoke(cardAction('caseload.request', helpRequestForm, { from: users.consulent2 }));
    await h.app.sender.settle();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL', timezoneId: 'America/New_York' });
    page = await context.newPage();
    await page.goto(`${h.app.url}/tab/index.html`);
    await page.waitForSelector('#dev-panel:not([hidden])');
    await page.selectOption('#dev-gebruiker', users.mt.aadObjectId);
    await page.waitForFunction(() => document.body.dataset.geladen === 'ja');
    await page.waitForSelector('#secties:not([hidden])');
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('the page gets the office\'s zone from the server', async () => {
    const config = await (await fetch(`${h.app.url}/api/overview/config`)).json();
    expect(config).toMatchObject({ officeName: 'RBL', timeZone: 'Pacific/Auckland' });
  });

  test('the update time and when a help request was asked are shown in the office\'s zone', async () => {
    await expect(page.locator('#bijgewerkt').innerText()).resolves.toMatch(/^Bijgewerkt 25 november,?( om)? 09:30$/);
    const asked = await page.locator('#sectie-hulp tbody td').last().innerText();
    // Separators differ between ICU versions ("25 nov, 09:30", "25 nov. om 09:30"); day and time do not.
    expect(asked).toMatch(/^25 nov\.?,?( om)? 09:30$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overzicht-mt-auckland.png'), fullPage: true });
  });

  test('calendar days stay the same day in a zone far from UTC', async () => {
    // Half a day from UTC, a calendar day read as an instant would land on the next day.
    await expect(page.locator('#sectie-evaluatie').innerText()).resolves.toContain(
      'Periode: 15 september 2026 tot 15 maart 2027 (halfjaar tot de evaluatie van 15 maart 2027).',
    );
  });
});
