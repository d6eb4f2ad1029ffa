import type { ManualClock } from '../../services/clock';
import { cardAction, teams } from '../fixtures/activities';
import { statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { cardsOf, type Harness } from '../harness/harness';
import { CARD, channelCard, click, readList, startOffice, taken, type Card } from './helpers';

/** `taken`, statusaanpassingen and monitoring: the rows per person, their buttons from the personal chat, and every card following in place. */
describe('taken: statusaanpassingen and monitoring', () => {
  let h: Harness;
  const act = async (verb: string, data: Record<string, unknown>, from = users.mt) => {
    const answer = await h.invoke(cardAction(verb, data, { from }));
    if (answer.type !== CARD) throw new Error(`${verb}: ${JSON.stringify(answer.value)}`);
    return answer.value as Card;
  };
  const lastId = async (table: string) => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM ${table}`))[0]!.id);

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => (h.clock as ManualClock).set('2026-11-24T09:00:00+01:00'));

  it('a statusaanpassing consulted, answered, decided, published and read through taken, every card checked', async () => {
    await act('status.preview', statusProposal);
    const changeId = await lastId('status_changes');
    await act('status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord' });
    await h.app.sender.settle();
    const consultation = channelCard(h, teams.noord, /Consultatie statusaanpassing/)!;
    expect(consultation.op).toBe('send');

    // Noord's consulenten are asked; Zuid was not consulted; the MT has nothing to decide yet.
    const sanne = readList(await taken(h, users.consulent, 'mijn taken'));
    expect(sanne.rows.map((r) => [r.group, r.text, r.detail])).toEqual([
      ['Statusaanpassingen', '**Consultatie:** Ring 3 gepauzeerd', 'Reageer uiterlijk vr 27 nov 2026. Een toelichting geef je op de kaart in het teamkanaal.'],
    ]);
    expect(sanne.rows[0]!.buttons.map((b) => b.title)).toEqual(['Akkoord', 'Zorgen', 'Opmerking']);
    expect(readList(await taken(h, users.consulent3)).empty).toBe(true);
    expect(readList(await taken(h, users.mt, 'todo')).empty).toBe(true);

    // Sanne answers from her list: the consultation card in the channel shows the count in place.
    const answered = await click(h, users.consulent, await taken(h, users.consulent), /Consultatie/, 'Akkoord');
    expect(readList(answered.value)).toMatchObject({ message: '✔ Je reactie is verstuurd; de tellingen in het teamkanaal zijn bijgewerkt.', rows: [], empty: true });
    await h.app.sender.settle();
    const counted = channelCard(h, teams.noord, /Consultatie statusaanpassing/)!;
    expect(counted.op).toBe('update');
    const columns = JSON.stringify(counted.card);
    expect(columns).toMatch(/"text":"1","size":"Large".*"text":"akkoord"/);
    const [response] = await h.db.query<{ answer: string }>(`SELECT answer FROM status_responses WHERE change_id = $1 AND aad_object_id = $2`, [changeId, users.consulent.aadObjectId]);
    expect(response!.answer).toBe('akkoord');

    // After the deadline the MT's list says a decision is due; the button opens the decision card.
    (h.clock as ManualClock).set('2026-11-30T09:00:00+01:00');
    const mt = readList(await taken(h, users.mt, 'inbox'));
    expect(mt.rows.map((r) => [r.text, r.buttons.map((b) => b.title)])).toEqual([['**Besluit nodig:** Ring 3 gepauzeerd', ['Besluit openen']]]);
    // A consulent whose deadline passed is no longer asked.
    expect(readList(await taken(h, users.consulent2)).rows.filter((r) => /Consultatie/.test(r.text))).toEqual([]);
    const decision = await click(h, users.mt, await taken(h, users.mt), /Besluit nodig/, 'Besluit openen');
    expect(JSON.stringify(decision.value)).toContain('status.publish');
    await act('status.publish', { changeId });
    await h.app.sender.settle();
    const announcement = channelCard(h, teams.noord, /Gelezen/)!;
    expect(announcement.op).toBe('send');

    // Sanne reads it from her list; the announcement's read count follows in place; Zuid is told too but Noor reads nothing here.
    const unread = readList(await taken(h, users.consulent));
    expect(unread.rows.map((r) => [r.group, r.text, r.buttons.map((b) => b.title)])).toEqual([
      ['Statusaanpassingen', '**Statusaanpassing besloten door het MT:** Ring 3 gepauzeerd', ['Gelezen', 'Lezen']],
      // Until it starts on 1 December, the decided change is information for the people it was announced to.
      ['Besloten, nog niet van kracht', '**Vanaf di 1 dec 2026:** Ring 3 gepauzeerd', ['Openen']],
    ]);
    const read = await click(h, users.consulent, await taken(h, users.consulent), /besloten door het MT/, 'Gelezen');
    expect(readList(read.value)).toMatchObject({ message: '✔ Gemarkeerd als gelezen.', empty: true });
    await h.app.sender.settle();
    const readCard = channelCard(h, teams.noord, /Gelezen/)!;
    expect(readCard.op).toBe('update');
    expect(JSON.stringify(readCard.card)).toContain("1 van de 6 collega's heeft het gelezen");
    // Daan still has it; reading it on the channel card takes it off his list too.
    const daanBefore = await taken(h, users.consulent2);
    expect(readList(daanBefore).rows.filter((r) => r.group === 'Statusaanpassingen')).toHaveLength(1);
    const announcementId = await lastId('status_announcements');
    await h.invoke(cardAction('status.read', { announcementId }, { from: users.consulent2, where: teams.noord }));
    expect(readList(await taken(h, users.consulent2)).empty).toBe(true);
  });

  it('shows due and handed-over monitoring items to their owner only; closing from the list updates the posted card in place', async () => {
    const item = async (kind: string, caseReference: string, date: string, from = users.consulent) => {
      await act('monitoring.create', { kind, caseReference, date, owner: from.aadObjectId, regioteam: 'noord' }, from);
      return lastId('monitoring_items');
    };
    const due = await item('overdracht-wijkteam', 'C-2026-0601', '2026-10-27');
    const later = await item('thuiszitter', 'C-2026-0602', '2026-11-16');
    // The daily run announces the due stage personally.
    await h.app.scheduler.fire('monitoring.daily', new Date('2026-11-24T07:00:00+01:00'));
    await h.app.sender.settle();
    expect(h.personalCards(users.consulent).map((c) => JSON.stringify(c)).some((c) => c.includes('C-2026-0601'))).toBe(true);
    // The team's digest @mentions Sanne, whose stage is due today, so it reaches her activity feed.
    const digest = channelCard(h, teams.noord, /Monitoring Regioteam Noord/)!.card;
    expect(digest.msteams.entities).toEqual([{ type: 'mention', text: '<at>Sanne Bakker</at>', mentioned: { id: users.consulent.id, name: 'Sanne Bakker' } }]);
    expect(JSON.stringify(digest.body)).toContain('"text":"<at>Sanne Bakker</at>"');

    // What waits for the person: the previous test's decided change is only information until 1 December.
    const waiting = (card: Card) => readList(card).rows.filter((r) => r.group !== 'Besloten, nog niet van kracht');
    const sanne = { rows: waiting(await taken(h, users.consulent)) };
    expect(sanne.rows.map((r) => [r.group, r.text, r.buttons.map((b) => b.title)])).toEqual([
      ['Monitoring', '**C-2026-0601** · Overdracht aan sociaal wijkteam', ['Hulp gestart', 'Afgerond', 'Openen']],
    ]);
    expect(sanne.rows[0]!.detail).toContain('termijn op di 24 nov 2026');
    expect(readList(await taken(h, users.consulent2)).rows.filter((r) => r.group === 'Monitoring')).toEqual([]);

    // Handed over to Daan: on his list with who handed it over, not on Sanne's.
    await act('monitoring.handover', { itemId: later, newOwner: users.consulent2.aadObjectId }, users.consulent);
    await h.app.sender.settle();
    const daan = waiting(await taken(h, users.consulent2));
    expect(daan.map((r) => [r.text, r.detail])).toEqual([['**C-2026-0602** · Thuiszitter', expect.stringContaining('aan jou overgedragen door Sanne Bakker')]]);
    expect(waiting(await taken(h, users.consulent)).map((r) => r.text)).toEqual(['**C-2026-0601** · Overdracht aan sociaal wijkteam']);

    // Sanne closes from her list: the card the daily run sent her is replaced in place.
    h.connector.reset();
    const closed = await click(h, users.consulent, await taken(h, users.consulent), /C-2026-0601/, 'Hulp gestart');
    expect(readList(closed.value)).toMatchObject({ message: '✔ Het monitoringitem is afgesloten.', empty: true });
    await h.app.sender.settle();
    const replaced = h.connector.delivered('update').flatMap(cardsOf).map((c) => JSON.stringify(c)).filter((c) => c.includes('C-2026-0601'));
    expect(replaced.length).toBeGreaterThan(0);
    expect(replaced.at(-1)).toContain('Afgesloten: de hulp is gestart.');
    // Daan's hand-over notice follows in place as well when he finishes it from his list.
    await click(h, users.consulent2, await taken(h, users.consulent2), /C-2026-0602/, 'Afgerond');
    await h.app.sender.settle();
    expect(h.connector.delivered('update').flatMap(cardsOf).map((c) => JSON.stringify(c)).filter((c) => c.includes('C-2026-0602')).at(-1)).toContain('Afgerond.');
    expect(readList(await taken(h, users.consulent2)).empty).toBe(true);
    expect(await h.db.query(`SELECT status FROM monitoring_items WHERE id = $1`, [due])).toEqual([{ status: 'closed' }]);
  });
});
