import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { expectValidCard } from '../harness/card-validation';
import { startHarness, type Harness } from '../harness/harness';
import { elementsOf } from './card-inputs';

type Json = Record<string, unknown>;
const textOf = (card: unknown) => JSON.stringify(card ?? {});
/** The Action.Execute buttons anywhere on a card. */
const executes = (card: unknown) => elementsOf(card, 'Action.Execute') as Array<{ title: string; verb: string; data: Json }>;

describe('what users are told: free text, help state, missing figures, monitoring list', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    for (const u of [users.consulent, users.consulent2, users.consulent3]) await h.send(channelMessage('menu', { from: u }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });
  // Notices queued by the previous test (an accepted offer tells the helper) are delivered before
  // the slate is cleaned, so they never arrive in the middle of the next test.
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  const personalReplies = () => h.cards();

  it('free text that is no command: says it did not understand, suggests the command it names, then the menu', async () => {
    await h.send(personalMessage('hoi, kan ik hier een MDO plannen?', { from: users.consulent }));
    const [told, menu, ...rest] = personalReplies();
    expect(rest).toEqual([]);
    expect(textOf(told)).toContain('Dat begreep ik niet');
    expect(executes(told).map((a) => [a.title, a.data.command])).toEqual([['MDO-deelname', 'mdo']]);
    expect(textOf(menu)).toContain('Kies wat je wilt doen');
    expectValidCard(told, 'not understood');

    // The suggestion opens the MDO form.
    const opened = await h.invoke(cardAction('menu.open', { command: 'mdo' }, { from: users.consulent }));
    expect(textOf(opened.value)).toContain('MDO-deelname: afwegen en besluiten');

    h.connector.reset();
    await h.send(personalMessage('goedemorgen', { from: users.consulent }));
    const [plain] = personalReplies();
    expect(textOf(plain)).toContain('Dat begreep ik niet');
    expect(executes(plain)).toEqual([]);

    // Only commands the person may use are suggested.
    h.connector.reset();
    await h.send(personalMessage('hoe werkt een statusaanpassing?', { from: users.consulent }));
    expect(executes(personalReplies()[0])).toEqual([]);
    h.connector.reset();
    await h.send(personalMessage('hoe werkt een statusaanpassing?', { from: users.mt }));
    expect(executes(personalReplies()[0]).map((a) => a.data.command)).toEqual(['statusaanpassing']);
  });

  it('a help request with part of its cases accepted says "Deels toegewezen — nog 1 casus open"', async () => {
    const asked = await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseCount: '2' }, { from: users.consulent }));
    expect(textOf(asked.value)).toContain('Je hulpvraag staat in het teamkanaal');
    const [request] = await h.db.query<{ id: number }>(`SELECT id FROM help_requests ORDER BY id DESC LIMIT 1`);
    const requestId = Number(request!.id);
    await h.invoke(cardAction('caseload.offer', { requestId, amount: '1' }, { from: users.consulent2, where: teams.noord }));
    const [offer] = await h.db.query<{ id: number }>(`SELECT id FROM help_offers WHERE request_id = $1`, [requestId]);
    const accepted = await h.invoke(cardAction('caseload.accept', { requestId, offerId: Number(offer!.id) }, { from: users.consulent, where: teams.noord }));
    expect(textOf(accepted.value)).toContain('**Deels toegewezen — nog 1 casus open**');
    expect(textOf(accepted.value)).not.toContain('**Toegewezen**');
  });

  it('"werkdruk team" lists colleagues without figures as "nog niet ingevuld", not the teamleider', async () => {
    await h.invoke(cardAction('caseload.figures', { openCases: '41', complexCases: '3', newThisWeek: '2', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    await h.send(personalMessage('werkdruk team', { from: users.teamleiderNoord }));
    const card = textOf(h.lastCard());
    for (const name of ['Daan Jansen', 'Noor Hendriks']) {
      expect(card).toContain(`{"type":"TextBlock","text":"${name}","wrap":true,"size":"Small"}`);
    }
    expect(card.split('nog niet ingevuld').length - 1).toBe(2);
    expect(card).not.toContain('"text":"Ruben Visser"');
    expect(card).toContain('"text":"41 / 60 (3)"');
  });

  it('monitoring: the list marks "vandaag" and "te laat", an item leads back to it, a closed item says why a stage is not needed', async () => {
    const create = (kind: string, caseReference: string, date: string) =>
      h.invoke(cardAction('monitoring.create', { kind, caseReference, date, owner: users.consulent3.aadObjectId, regioteam: 'noord' }, { from: users.consulent3 }));
    await create('overdracht-wijkteam', 'C-2026-0412', '2026-10-27'); // first check today, 24 Nov
    const list = await create('no-show', 'C-2026-0377', '2026-11-19'); // follow-up was due Fri 20 Nov
    const rows = (list.value.body as Json[]).filter((e) => e.type === 'ColumnSet');
    const line = (ref: string) => textOf(rows.find((r) => textOf(r).includes(ref)));
    expect(line('C-2026-0412')).toContain('"text":"vandaag"');
    expect(line('C-2026-0377')).toContain('"text":"te laat"');
    // The date explanation is a short list, one line per kind.
    expect(textOf(list.value)).toContain('"text":"• Overdracht aan sociaal wijkteam: datum overdracht"');

    const [item] = await h.db.query<{ id: number }>(`SELECT id FROM monitoring_items WHERE case_reference = 'C-2026-0412'`);
    const opened = await h.invoke(cardAction('monitoring.open', { itemId: String(item!.id) }, { from: users.consulent3 }));
    const back = executes(opened.value).find((a) => a.verb === 'monitoring.list');
    expect(back?.title).toBe('Terug naar mijn lijst');
    const again = await h.invoke(cardAction('monitoring.list', back!.data, { from: users.consulent3 }));
    expect(textOf(again.value)).toContain('Jouw open termijnen');

    const closed = await h.invoke(cardAction('monitoring.close', { itemId: String(item!.id), outcome: 'afgerond' }, { from: users.consulent3 }));
    expect(textOf(closed.value)).toContain('niet meer nodig — afgerond op di 24 nov 2026');
    expect(textOf(closed.value)).not.toContain('vervallen');
    expectValidCard(closed.value, 'closed monitoring item');
  });
});
