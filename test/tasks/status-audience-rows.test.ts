import type { ManualClock } from '../../services/clock';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { cardsOf, startHarness, type Harness } from '../harness/harness';
import { freshStatus, publishUrgent, START } from '../status/helpers';
import { channelCard, click, readList, taken } from './helpers';

/**
 * `taken` and the fixed audience of an announcement: who has it as a task, what "Gelezen" counts, and
 * the decided change that has not started yet as information for the same people.
 * Only Noord's channel is linked, so an announcement goes to Noord alone.
 */
describe('taken: the fixed audience of announcements and decided changes not yet in force', () => {
  let h: Harness;
  const announcementId = async () => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM status_announcements`))[0]!.id);
  const statusRows = async (user: Parameters<typeof taken>[1]) => readList(await taken(h, user)).rows.filter((r) => r.group === 'Statusaanpassingen');

  beforeAll(async () => {
    h = await startHarness({ env: {} });
    await h.send(botInstalled(teams.noord, users.teamleiderNoord));
    await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord, team: teams.noord }));
    for (const user of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: user, team: teams.noord }));
    for (const user of [users.mt, users.mt2, users.mt3, users.consulent3]) await h.send(personalMessage('menu', { from: user }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => freshStatus(h));

  it('lists an announcement for its fixed audience only, and Gelezen counts exactly those people', async () => {
    await publishUrgent(h, {});
    const id = await announcementId();
    // After publishing, Lotte starts in Noord and Sanne moves to Zuid (the office reorganised its teams).
    await h.send(channelMessage('menu', { from: users.doorstroomcoach, team: teams.noord }));
    await h.db.query(`UPDATE people SET regioteam = 'zuid' WHERE aad_object_id = $1`, [users.consulent.aadObjectId]);
    await h.app.sender.settle();
    h.connector.reset();

    expect(await statusRows(users.doorstroomcoach)).toEqual([]);
    expect((await statusRows(users.consulent)).map((r) => [r.text, r.buttons.map((b) => b.title)])).toEqual([
      ['**Statusaanpassing besloten door het MT:** Ring 3 gepauzeerd', ['Gelezen', 'Lezen']],
    ]);
    expect(await statusRows(users.consulent2)).toHaveLength(1);
    // MT members are counted apart on the card, so reading it waits for them too; the MT member
    // who published it wrote it, so it is read for them from the start and is no task of theirs.
    expect((await statusRows(users.mt3)).map((r) => r.text)).toEqual(['**Statusaanpassing besloten door het MT:** Ring 3 gepauzeerd']);
    expect(await statusRows(users.mt)).toEqual([]);
    expect(JSON.stringify(channelCard(h, teams.noord, /Gelezen/)?.card ?? (await h.invoke(cardAction('status.announcement', { announcementId: id }, { from: users.mt2 }))).value)).toMatch(/MT en beleid: 1 van de \d gelezen/);

    // Sanne reads it from her list: she is one of Noord's three (Sanne, Daan, Ruben the teamleider).
    const read = await click(h, users.consulent, await taken(h, users.consulent), /besloten door het MT/, 'Gelezen');
    expect(readList(read.value).message).toBe('✔ Gemarkeerd als gelezen.');
    expect(await statusRows(users.consulent)).toEqual([]);
    await h.app.sender.settle();
    expect(JSON.stringify(channelCard(h, teams.noord, /Gelezen/)!.card)).toContain("1 van de 3 collega's heeft het gelezen");

    // Lotte clicks Gelezen on the channel card: she is told she is not counted, and the count stays.
    h.connector.reset();
    const outside = await h.invoke(cardAction('status.read', { announcementId: id }, { from: users.doorstroomcoach, where: teams.noord }));
    const seen = JSON.stringify(outside.value);
    expect(seen).toContain('telt niet mee');
    expect(seen).toContain("1 van de 3 collega's heeft het gelezen");
    expect(seen).not.toContain('"verb":"status.read"');
    await h.app.sender.settle();
    expect(h.connector.delivered('update').flatMap(cardsOf)).toEqual([]);
    expect(await statusRows(users.doorstroomcoach)).toEqual([]);
  });

  it('shows a decided change that starts later as information to the people it was announced to, until it starts', async () => {
    await publishUrgent(h, { startDate: '2026-12-01', endDate: '2027-03-01' });
    const id = await announcementId();

    const daan = readList(await taken(h, users.consulent2));
    expect(daan.groups).toEqual(['Statusaanpassingen (1)', 'Besloten, nog niet van kracht (1)']);
    const upcoming = daan.rows.filter((r) => r.group === 'Besloten, nog niet van kracht');
    expect(upcoming.map((r) => [r.text, r.buttons.map((b) => [b.title, b.verb, b.data])])).toEqual([
      ['**Vanaf di 1 dec 2026:** Ring 3 gepauzeerd', [['Openen', 'status.announcement', { announcementId: id }]]],
    ]);
    expect(upcoming[0]!.detail).toContain('verwacht tot ma 1 mrt 2027');
    expect(upcoming[0]!.detail).toMatch(/niet/);
    // Opening it shows the announcement itself.
    const opened = await click(h, users.consulent2, await taken(h, users.consulent2), /Vanaf di 1 dec 2026/, 'Openen');
    expect(JSON.stringify(opened.value)).toContain('Statusaanpassing besloten door het MT');

    // Having read it, nothing waits for Daan, but he still sees what is coming.
    await click(h, users.consulent2, await taken(h, users.consulent2), /besloten door het MT/, 'Gelezen');
    const after = readList(await taken(h, users.consulent2));
    expect(after).toMatchObject({ empty: true, groups: ['Besloten, nog niet van kracht (1)'] });

    // Noor is not in Noord: nothing for her.
    expect(readList(await taken(h, users.consulent3)).groups).toEqual([]);

    // From its start date it is in force: no longer listed.
    (h.clock as ManualClock).set('2026-12-01T08:00:00+01:00');
    expect(readList(await taken(h, users.consulent2)).groups).toEqual([]);
    (h.clock as ManualClock).set(START);
  });
});
