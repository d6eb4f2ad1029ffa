import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ManualClock } from '../../services/clock';
import { cardAction, personalMessage } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { startOffice } from '../status/helpers';
import { ARTIFACTS, describeBrowser, launchChromium } from '../tab/chromium';

/**
 * The half-yearly evaluation round (evaluation date 15 March 2027, four weeks' lead) through the
 * daily job and the real HTTP path, and its results in the Overzicht tab in Chromium.
 */
jest.setTimeout(180_000);

const CARD = 'application/vnd.microsoft.card.adaptive';
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));
const staff = [users.consulent, users.consulent2, users.consulent3, users.consulent4, users.doorstroomcoach, users.beleid];
const leaders = [users.mt, users.mt2, users.mt3, users.teamleiderNoord, users.teamleiderZuid];
const at = (day: string) => new Date(`${day}T08:00:00+01:00`);
const answer = (from: TestUser, data: Record<string, string>) =>
  h.invoke(cardAction('capacity.evaluate', { evaluationDate: '2027-03-15', fundament: '4', processes: '3', fundamentRemark: '', processesRemark: '', task: 'geen', ...data }, { from }));

let h: Harness;

/** A fresh office: startOffice's people, plus a doorstroomcoach and a beleidsmedewerker the bot knows. */
async function office(): Promise<Harness> {
  const harness = await startOffice({});
  for (const u of [users.doorstroomcoach, users.beleid]) await harness.send(personalMessage('menu', { from: u }));
  await harness.app.sender.settle();
  return harness;
}

async function day(iso: string) {
  (h.clock as ManualClock).set(at(iso));
  await h.app.scheduler.fire('capacity.evaluationRound', at(iso));
  await h.app.sender.settle();
}
const invitations = (user: TestUser) => h.personalCards(user).map(text).filter((c) => c.includes('Halfjaarlijkse evaluatie van het model'));
const reminders = (user: TestUser) => h.personalCards(user).map(text).filter((c) => c.includes('Herinnering: halfjaarlijkse evaluatie'));

describe('the half-yearly evaluation round with the staff', () => {
  beforeAll(async () => {
    h = await office();
  });
  afterAll(async () => {
    await h.close();
  });

  it('invites consulenten, doorstroomcoaches and beleid four weeks ahead, stores answers anonymously and reminds once', async () => {
    await day('2027-02-14');
    for (const u of staff) expect(invitations(u)).toEqual([]);

    await day('2027-02-15');
    for (const u of staff) expect(invitations(u)).toHaveLength(1);
    for (const u of leaders) expect(invitations(u)).toEqual([]);
    expect(invitations(users.consulent)[0]).toContain('Is de indeling van het stabiele fundament nog passend?');
    expect(invitations(users.consulent)[0]).toContain('Welke taak zou jij anders indelen?');

    (h.clock as ManualClock).set(at('2027-02-16'));
    // A remark naming a pupil is refused before anything is stored; the answer can be sent again without it.
    const refused = await answer(users.consulent, { fundamentRemark: 'Bij Jamie de Vries van groep 8 ging het mis.' });
    expect(text(refused.value)).toContain('Toelichting (fundament)');
    expect(await h.db.query(`SELECT 1 FROM evaluation_answers`)).toEqual([]);

    const thanks = await answer(users.consulent, { fundament: '4', processes: '2', fundamentRemark: 'Huisbezoek hoort dichter bij de kern.', task: 'huisbezoek' });
    expect(thanks.type).toBe(CARD);
    expect(text(thanks.value)).toContain('anoniem opgeslagen');
    await answer(users.consulent2, { fundament: '5', processes: '4', processesRemark: 'De weekstart helpt echt.' });
    await answer(users.consulent3, { fundament: '3', processes: '3', task: 'huisbezoek' });
    await answer(users.beleid, { fundament: '2', processes: '4', task: 'consultatie-advies' });
    expect(text((await answer(users.consulent2, {})).value)).toContain('Je hebt al geantwoord');
    expect(text((await answer(users.mt, {})).value)).toContain('niet uitgenodigd');

    // No person, no time next to an answer; the invitations know only who answered.
    const stored = await h.db.query<Record<string, unknown>>(`SELECT * FROM evaluation_answers`);
    expect(stored).toHaveLength(4);
    expect(Object.keys(stored[0]!).sort()).toEqual(['evaluation_date', 'fundament_remark', 'fundament_score', 'group_key', 'id', 'processes_remark', 'processes_score', 'task_id']);
    for (const u of staff) expect(text(stored)).not.toContain(u.aadObjectId);

    await day('2027-02-21');
    for (const u of staff) expect(reminders(u)).toEqual([]);
    await day('2027-02-22');
    expect(staff.filter((u) => reminders(u).length > 0)).toEqual([users.consulent4, users.doorstroomcoach]);
    await day('2027-02-23');
    await day('2027-03-01');
    // Exactly one reminder each, however many days the job runs.
    expect(staff.map((u) => reminders(u).length)).toEqual([0, 0, 0, 1, 1, 0]);
  });

});

describeBrowser('the evaluation round\'s results in the Overzicht tab', () => {
  let browser: Browser;
  let page: Page;
  const evaluation = () => page.locator('#sectie-evaluatie').innerText();
  async function signInAs(user: TestUser) {
    await page.goto(`${h.app.url}/tab/index.html`);
    await page.waitForSelector('#dev-panel:not([hidden])');
    await page.selectOption('#dev-gebruiker', user.aadObjectId);
    await page.waitForFunction((id) => sessionStorage.getItem('wendbaar.devUser') === id && document.body.dataset.geladen === 'ja', user.aadObjectId);
    await page.waitForSelector('#secties:not([hidden])');
  }
  const markdown = () => page.evaluate(() => fetch('/api/overview/evaluation/md', { headers: { authorization: `Dev ${sessionStorage.getItem('wendbaar.devUser')}` } }).then((r) => r.text()));

  beforeAll(async () => {
    // Four of the six invited answered before the tab is opened.
    h = await office();
    await day('2027-02-15');
    (h.clock as ManualClock).set(at('2027-02-16'));
    await answer(users.consulent, { fundament: '4', processes: '2', fundamentRemark: 'Huisbezoek hoort dichter bij de kern.', task: 'huisbezoek' });
    await answer(users.consulent2, { fundament: '5', processes: '4', processesRemark: 'De weekstart helpt echt.' });
    await answer(users.consulent3, { fundament: '3', processes: '3', task: 'huisbezoek' });
    await answer(users.beleid, { fundament: '2', processes: '4', task: 'consultatie-advies' });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('under five answers the MT sees only the counts; from five the scores, remarks and tasks, also in the Markdown export', async () => {
    (h.clock as ManualClock).set(at('2027-03-02'));
    await signInAs(users.mt);
    let shown = await evaluation();
    expect(shown).toMatch(/Uitgenodigd\s+6/);
    expect(shown).toMatch(/Geantwoord\s+4/);
    expect(shown).toContain('pas vanaf 5 antwoorden');
    expect(shown).not.toContain('Huisbezoek hoort dichter bij de kern.');

    await answer(users.doorstroomcoach, { fundament: '4', processes: '4' });
    await signInAs(users.mt);
    shown = await evaluation();
    expect(shown).toMatch(/Geantwoord\s+5/);
    expect(shown).toMatch(/Indeling stabiele fundament passend \(gemiddeld, 1–5\)\s+3,6/);
    expect(shown).toMatch(/Indeling stabiele fundament passend: aantal per score 1 \/ 2 \/ 3 \/ 4 \/ 5\s+0 \/ 1 \/ 1 \/ 2 \/ 1/);
    expect(shown).toContain('Huisbezoek hoort dichter bij de kern.');
    expect(shown).toMatch(/Anders indelen: Deur- en huisbezoek\s+2/);
    // Groups of fewer than five (Noord 2, Zuid 1, beleid 1, other 1) are not broken down.
    expect(shown).not.toContain('antwoorden): fundament / processen');
    for (const u of staff) expect(shown).not.toContain(u.name);
    await page.screenshot({ path: path.join(ARTIFACTS, 'evaluatie-medewerkers-mt.png'), fullPage: true });

    const md = await markdown();
    expect(md).toContain('## Evaluatie door medewerkers (15 maart 2027)');
    expect(md).toContain('| Geantwoord | 5 |');
    expect(md).toContain('| Opmerking: verbeteren van processen verloopt goed | De weekstart helpt echt. |');
    for (const u of staff) expect(md).not.toContain(u.name);
  });

  it('a teamleider sees the same anonymous results', async () => {
    // The fifth answer (already given when the MT test ran first: then this one is refused as a second answer).
    await answer(users.doorstroomcoach, { fundament: '4', processes: '4' });
    await signInAs(users.teamleiderNoord);
    const shown = await evaluation();
    expect(shown).toMatch(/Geantwoord\s+5/);
    expect(shown).toContain('De weekstart helpt echt.');
    for (const u of staff) expect(shown).not.toContain(u.name);
  });
});
