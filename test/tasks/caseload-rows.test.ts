import { cardAction, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { CARD, channelCard, click, readList, startOffice, taken } from './helpers';

/**
 * `taken`, ondersteuning: each person sees what waits for them in their own regioteam, acts from
 * their personal chat with the channel card's own verbs, and the channel card follows in place.
 */
describe('taken: ondersteuning', () => {
  let h: Harness;
  const lastRequestId = async () => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`))[0]!.id);
  const postActivity = async (requestId: number) =>
    (await h.db.query<{ sent_activity_id: string }>(`SELECT sent_activity_id FROM deliveries WHERE idempotency_key = $1`, [`helprequest:${requestId}:post`]))[0]!.sent_activity_id;
  const ask = async (caseCount: string) => {
    const answer = await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseCount }, { from: users.consulent }));
    expect(answer.type).toBe(CARD);
    await h.app.sender.settle();
    return lastRequestId();
  };

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.app.sender.settle();
    await h.db.query(`TRUNCATE help_offers, help_requests RESTART IDENTITY CASCADE`);
    h.connector.reset();
  });

  it('offers and accepts from the list: the same verbs, the channel card updated in place, no other team sees it', async () => {
    const id = await ask('1');
    const post = await postActivity(id);

    // Colleagues of Noord see the request with offer buttons; Noor (Zuid) and the Zuid teamleider see nothing of it.
    const daans = readList(await taken(h, users.consulent2));
    expect(daans.rows.map((r) => [r.group, r.text])).toEqual([['Ondersteuning', `**Sanne Bakker zoekt hulp** (H-${id}): Tijdelijk casus(sen) overnemen`]]);
    expect(daans.rows[0]!.buttons.map((b) => b.title)).toEqual(['Ik help met 1 casus', 'Bekijken']);
    for (const outsider of [users.consulent3, users.teamleiderZuid]) {
      const list = readList(await taken(h, outsider));
      expect({ who: outsider.name, rows: list.rows, empty: list.empty }).toEqual({ who: outsider.name, rows: [], empty: true });
    }
    // The requester's own list: the request itself, with withdraw.
    const sannes = readList(await taken(h, users.consulent));
    expect(sannes.rows.map((r) => r.text)).toEqual([`**Jouw hulpvraag H-${id}:** Tijdelijk casus(sen) overnemen`]);
    expect(sannes.rows[0]!.buttons.map((b) => b.title)).toEqual(['Intrekken', 'Bekijken']);

    // Daan offers from his list: the list comes back with what happened and his offer as a row.
    const offered = await click(h, users.consulent2, await taken(h, users.consulent2), /Sanne Bakker zoekt hulp/, 'Ik help met 1 casus');
    expect(offered.type).toBe(CARD);
    const afterOffer = readList(offered.value);
    expect(afterOffer.message).toBe('✔ Je aanbod is verstuurd; de aanvrager krijgt bericht en de hulpvraag in het teamkanaal is bijgewerkt.');
    expect(afterOffer.rows.map((r) => [r.text, r.detail])).toEqual([[`**Jouw aanbod** bij hulpvraag H-${id} van Sanne Bakker`, '1 casus · wacht op acceptatie']]);
    await h.app.sender.settle();
    const channel = channelCard(h, teams.noord, new RegExp(`H-${id}`));
    expect(channel).toMatchObject({ op: 'update', activityId: post });
    expect(JSON.stringify(channel!.card)).toContain('Hulp aangeboden');

    // Sanne accepts from her list.
    const sanneList = await taken(h, users.consulent);
    expect(readList(sanneList).rows.map((r) => r.text)).toEqual([`**Daan Jansen biedt hulp aan** bij je hulpvraag H-${id}`]);
    const accepted = await click(h, users.consulent, sanneList, /Daan Jansen biedt hulp aan/, 'Accepteren');
    const afterAccept = readList(accepted.value);
    expect(afterAccept.message).toContain('✔ Aanbod geaccepteerd');
    expect(afterAccept.rows.map((r) => [r.text, r.buttons.map((b) => b.title)])).toEqual([[`**Jouw hulpvraag H-${id}:** Tijdelijk casus(sen) overnemen`, ['Afronden', 'Intrekken', 'Bekijken']]]);
    await h.app.sender.settle();
    const assigned = channelCard(h, teams.noord, new RegExp(`H-${id}`))!;
    expect(assigned).toMatchObject({ op: 'update', activityId: post });
    expect(JSON.stringify(assigned.card)).toContain('Toegewezen');
    expect(h.personalCards(users.consulent2).map((c) => JSON.stringify(c)).some((c) => c.includes('Sanne Bakker heeft je aanbod geaccepteerd'))).toBe(true);
    // Daan's list now shows the accepted help without a withdraw button.
    const daanAfter = readList(await taken(h, users.consulent2));
    expect(daanAfter.rows.map((r) => [r.detail, r.buttons.map((b) => b.title)])).toEqual([['1 casus · geaccepteerd: stem de overdracht af', ['Bekijken']]]);

    // Sanne closes it from her list; nothing waits for anyone any more.
    const closed = await click(h, users.consulent, await taken(h, users.consulent), /Jouw hulpvraag/, 'Afronden');
    expect(readList(closed.value)).toMatchObject({ rows: [], empty: true, message: '✔ Je hulpvraag is afgerond; de kaart in het teamkanaal is bijgewerkt.' });
    await h.app.sender.settle();
    expect(JSON.stringify(channelCard(h, teams.noord, new RegExp(`H-${id}`))!.card)).toContain('Afgerond');
    expect(readList(await taken(h, users.consulent2)).empty).toBe(true);
  });

  it('answers a row that was handled elsewhere meanwhile with the current state, not an error', async () => {
    const id = await ask('1');
    const daanList = await taken(h, users.consulent2);
    const milanList = await taken(h, users.consulent4);
    await click(h, users.consulent2, daanList, /Sanne Bakker zoekt hulp/, 'Ik help met 1 casus');

    // Milan's list was made before Daan took the last case.
    const late = await click(h, users.consulent4, milanList, /Sanne Bakker zoekt hulp/, 'Ik help met 1 casus');
    expect(late.type).toBe(CARD);
    const list = readList(late.value);
    expect(list.message).toBe(
      'Dit was intussen al afgehandeld: Helaas, deze hulpvraag is al vergeven: een collega was je net voor. Dank je wel dat je wilde helpen! Hieronder zie je wat nu nog op je wacht.',
    );
    expect(list.rows).toEqual([]);
    expect(await h.db.query(`SELECT helper_aad FROM help_offers WHERE request_id = $1`, [id])).toEqual([{ helper_aad: users.consulent2.aadObjectId }]);

    // Sanne withdraws on the channel card; Daan's old list row answers with the current state.
    const daanOld = await taken(h, users.consulent2);
    await h.invoke(cardAction('caseload.withdraw', { requestId: id }, { from: users.consulent, where: teams.noord }));
    const gone = await click(h, users.consulent2, daanOld, /Jouw aanbod/, 'Mijn aanbod intrekken');
    expect(readList(gone.value).message).toContain('Dit was intussen al afgehandeld:');
    expect(readList(gone.value).empty).toBe(true);
  });

  it('shows the teamleider the escalated requests of their own team only', async () => {
    const id = await ask('2');
    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-26T09:00:00+01:00'));
    const ruben = readList(await taken(h, users.teamleiderNoord));
    expect(ruben.rows.map((r) => [r.text, r.detail, r.buttons.map((b) => b.title)])).toEqual([
      [`**Geëscaleerd:** hulpvraag H-${id} van Sanne Bakker`, 'Regioteam Noord · Tijdelijk casus(sen) overnemen · 2 casussen · nog geen geaccepteerde hulp', ['Bekijken', 'Werkdruk van het team']],
    ]);
    expect(readList(await taken(h, users.teamleiderZuid)).empty).toBe(true);
    // The MT is not a teamleider: nothing extra.
    expect(readList(await taken(h, users.mt)).empty).toBe(true);
    // "Werkdruk van het team" runs the command with the teamleider's own rights.
    const button = ruben.rows[0]!.buttons.find((b) => b.title === 'Werkdruk van het team')!;
    const workload = await h.invoke(cardAction(button.verb, button.data, { from: users.teamleiderNoord }));
    expect(JSON.stringify(workload.value)).toContain('Werkdruk Regioteam Noord');
  });
});
