import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm, mdoForm, statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { ARTIFACTS, describeBrowser, launchChromium } from './chromium';

/**
 * The Overzicht tab in headless Chromium (Debian's /usr/bin/chromium), local mode with the
 * development sign-in, against data created through the bot's own flows.
 */
jest.setTimeout(120_000);

describeBrowser('the Overzicht tab in a browser (local mode)', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  const section = (id: string) => page.locator(`#${id}`);
  const sectionText = (id: string) => section(id).innerText();
  const screenshot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function signInAs(aadObjectId: string) {
    await page.selectOption('#dev-gebruiker', aadObjectId);
    await page.waitForFunction((id) => sessionStorage.getItem('wendbaar.devUser') === id && document.body.dataset.geladen === 'ja', aadObjectId);
    await page.waitForSelector('#secties:not([hidden])');
  }

  async function axe(theme: string) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
      return run(document, { resultTypes: ['violations'] });
    });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect({ theme, serious: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }).toEqual({ theme, serious: [] });
  }

  /** Every bar label shows its whole text (it wraps instead of being cut off). */
  async function expectLabelsUncut() {
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.bar-label')).filter((l) => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1).map((l) => l.textContent),
    );
    expect(cut).toEqual([]);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness();
    // A linked team channel; colleagues who talk there are known to work in Regioteam Noord.
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
    for (const u of [users.mt, users.beleid, users.consulent4]) await h.send(personalMessage('menu', { from: u }));
    // Workload figures through the werkdruk card; Milan picks Regioteam Zuid on the card.
    const figures = (open: number, extra: Record<string, string> = {}) => ({ openCases: String(open), complexCases: '4', newThisWeek: '1', absentDays: '0', isBuffer: 'false', ...extra });
    await h.invoke(cardAction('caseload.figures', figures(52), { from: users.consulent }));
    await h.invoke(cardAction('caseload.figures', figures(68), { from: users.consulent2 }));
    await h.invoke(cardAction('caseload.figures', figures(61, { regioteam: 'zuid' }), { from: users.consulent4 }));
    // An open help request in the Noord channel.
    await h.invoke(
      cardAction('caseload.request', helpRequestForm, { from: users.consulent2 }),
    );
    // The MT decides a statusaanpassing (urgent, no consultation) that starts today.
    await h.invoke(
      cardAction('status.preview', { ...statusProposal, startDate: '2026-11-24' }, { from: users.mt }),
    );
    const [change] = await h.db.query<{ id: number }>('SELECT max(id) AS id FROM status_changes');
    await h.invoke(cardAction('status.skipConsultation', { changeId: Number(change!.id), skipReason: 'Uitval is acuut.' }, { from: users.mt }));
    await h.invoke(cardAction('status.publish', { changeId: Number(change!.id) }, { from: users.mt }));
    // And a second one, decided now, that starts on 9 December.
    await h.invoke(cardAction('status.preview', { ...statusProposal, preset: 'kern-en-ring1', startDate: '2026-12-09' }, { from: users.mt }));
    const [later] = await h.db.query<{ id: number }>('SELECT max(id) AS id FROM status_changes');
    await h.invoke(cardAction('status.skipConsultation', { changeId: Number(later!.id), skipReason: 'Uitval loopt verder op.' }, { from: users.mt }));
    await h.invoke(cardAction('status.publish', { changeId: Number(later!.id) }, { from: users.mt }));
    // An MDO decision: advice accepted.
    const advised = await h.invoke(
      cardAction('mdo.advise', mdoForm, { from: users.consulent }),
    );
    const decide = (advised.value.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!;
    await h.invoke(cardAction('mdo.decide', { id: decide.data!.id, choice: 'accept' }, { from: users.consulent }));
    // Two monitoring items with deadlines in the coming weeks.
    for (const [ref, date] of [['C-2026-0412', '2026-10-27'], ['C-2026-0433', '2026-11-10']]) {
      await h.invoke(cardAction('monitoring.create', { kind: 'overdracht-wijkteam', caseReference: ref, date, owner: users.consulent.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
    }
    await h.app.sender.settle();

    browser = await launchChromium();
    // axe-core is injected as an inline script, which the tab's CSP rightly forbids.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    await page.goto(`${h.app.url}/tab/index.html`);
    await page.waitForSelector('#dev-panel:not([hidden])');
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('the MT sees every section, filled from the bot flows, and can export the evaluation', async () => {
    await expect(page.locator('#dev-titel').innerText()).resolves.toContain('alleen lokaal');
    await signInAs(users.mt.aadObjectId);
    await expect(page.locator('#wie').innerText()).resolves.toBe('Fatima El Amrani · MT');

    const status = await sectionText('sectie-status');
    expect(status).toContain('Actieve statusaanpassing: Ring 3 gepauzeerd');
    expect(status).toMatch(/MDO's zonder directe betrokkenheid, zoals zorg- en veiligheidsoverleggen\s+Niet/);
    expect(status).toMatch(/Verzuimmeldingen ontvangen, beoordelen en verwerken\s+Normaal/);
    expect(status).toContain('Vanaf 9 december 2026: Alleen kern en ring 1');
    expect(status).toMatch(/Besloten, nog niet van kracht/);

    const monitoring = await sectionText('sectie-monitoring');
    expect(monitoring).toContain('Week 48');
    expect(await section('sectie-monitoring').locator('.bars li').count()).toBe(8);

    const mdo = await sectionText('sectie-mdo');
    expect(mdo).toContain('1 besluit,');
    expect(mdo).toMatch(/Niet deelnemen\s+1/); // ring 3 is paused, so the advice is not to attend

    const workload = await sectionText('sectie-werkdruk');
    expect(workload).toMatch(/Regioteam Noord \(norm 60 open casussen\)[\s\S]*Daan Jansen\s+68[\s\S]*Sanne Bakker\s+52/);
    expect(workload).toMatch(/Regioteam Zuid[\s\S]*Milan de Boer\s+61/);
    expect(await section('sectie-werkdruk').locator('.bar-fill.over').count()).toBe(2);

    const help = await sectionText('sectie-hulp');
    expect(help).toContain('Tijdelijk casus(sen) overnemen');
    expect(help).toContain('Regioteam Noord: 1');

    const evaluation = await sectionText('sectie-evaluatie');
    expect(evaluation).toMatch(/Gevraagd\s+1/);

    expect(evaluation).toMatch(/Ring 3 gepauzeerd \(24 november 2026 tot 1 maart 2027\)\s+97 dagen/);
    expect(evaluation).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectLabelsUncut();
    expect(evaluation).toMatch(/Niet deelnemen\s+1/);
    expect(evaluation).not.toContain('Nog niet beschikbaar');
    await screenshot('overzicht-mt-licht');

    // Keyboard only: Tab to the CSV export and press Enter.
    await page.locator('body').focus();
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'Exporteren als CSV'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Exporteren als CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^evaluatie-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('"Ondersteuningsvragen";"Gevraagd";"1"');
  });

  test('a consulent sees their own team per person and only totals of the other team', async () => {
    await signInAs(users.consulent.aadObjectId);
    await expect(page.locator('#wie').innerText()).resolves.toBe('Sanne Bakker · Leerplichtconsulent · Regioteam Noord');
    expect(await sectionText('sectie-status')).toContain('Vanaf 9 december 2026: Alleen kern en ring 1');
    // Sections only for teamleiders, beleid and the MT are left out, not shown empty.
    await expect(section('sectie-evaluatie').isHidden()).resolves.toBe(true);
    await expect(section('sectie-mdo').isHidden()).resolves.toBe(true);
    const workload = await sectionText('sectie-werkdruk');
    expect(workload).toContain('Daan Jansen');
    expect(workload).not.toContain('Milan de Boer');
    expect(workload).toContain('Cijfers per persoon zie je alleen van je eigen regioteam');
    await screenshot('overzicht-consulent-licht');
    await page.selectOption('#dev-thema', 'dark');
    await screenshot('overzicht-consulent-donker');
    await page.selectOption('#dev-thema', 'default');
  });

  test('a teamleider sees the decided change, the MDO figures with whole labels and the evaluation in Dutch dates', async () => {
    await signInAs(users.teamleiderNoord.aadObjectId);
    await expect(page.locator('#wie').innerText()).resolves.toBe('Ruben Visser · Teamleider Regioteam Noord');
    expect(await sectionText('sectie-status')).toContain('Vanaf 9 december 2026: Alleen kern en ring 1');
    expect(await sectionText('sectie-mdo')).toContain('Laten vertegenwoordigen');
    await expectLabelsUncut();
    expect(await sectionText('sectie-evaluatie')).toContain('24 november 2026 tot 1 maart 2027');
    await screenshot('overzicht-teamleider-licht');
  });

  test('inside Teams the page signs in with the Teams token, follows the Teams theme and tells Teams it loaded', async () => {
    // A stand-in for teams-js as the Teams host provides it; this server runs in local mode, so it refuses the token.
    const teamsPage = await browser.newPage();
    await teamsPage.route('**/tab/vendor/teams-js.min.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.nativeInterface = {}; window.teamsCalls = [];
          window.microsoftTeams = {
            app: {
              initialize: () => Promise.resolve(),
              getContext: () => Promise.resolve({ app: { theme: 'dark' } }),
              registerOnThemeChangeHandler: () => undefined,
              notifySuccess: () => window.teamsCalls.push('notifySuccess'),
            },
            authentication: { getAuthToken: () => Promise.resolve('teams-sso-token') },
          };`,
      }),
    );
    const overviewRequest = teamsPage.waitForRequest((request) => new URL(request.url()).pathname === '/api/overview');
    await teamsPage.goto(`${h.app.url}/tab/index.html`);
    expect((await overviewRequest).headers().authorization).toBe('Bearer teams-sso-token');
    await teamsPage.waitForFunction(() => (window as unknown as { teamsCalls: string[] }).teamsCalls.includes('notifySuccess'));
    await expect(teamsPage.locator('#melding').innerText()).resolves.toBe('Je bent niet aangemeld, dus er is niets te zien. Open het tabblad opnieuw in Teams.');
    await expect(teamsPage.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(teamsPage.locator('#dev-panel').isHidden()).resolves.toBe(true);
    await teamsPage.close();
  });

  test.each(['default', 'dark', 'contrast'])('theme %s: readable and no serious accessibility violations', async (theme) => {
    await signInAs(users.mt.aadObjectId);
    await page.selectOption('#dev-thema', theme);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(theme);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe({ default: 'rgb(245, 245, 245)', dark: 'rgb(31, 31, 31)', contrast: 'rgb(0, 0, 0)' }[theme]);
    await screenshot(`overzicht-mt-${theme}`);
    await axe(theme);
  });
});
