import { upcomingChanges } from '../../services/status/upcoming';
import { cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import { cardsOf, type Harness } from '../harness/harness';
import { act, announcementOf, changeIds, freshStatus, publishUrgent, startOffice } from './helpers';
import { statusProposal } from '../fixtures/forms';

/**
 * What a new office tripped over on its first day with statusaanpassingen: a decided change that
 * has not started, who counts as a reader, and the wording of deadlines and counts.
 */

const text = (card: unknown) => JSON.stringify(card ?? {});
const newcomer: TestUser = { id: '29:consulent-new', aadObjectId: 'aad-consulent-new', name: 'Kim de Wit' };

describe('statusaanpassing on the first day', () => {
  let h: Harness;
  const channelCards = (team: (typeof teams)['noord'], op: string) =>
    h.connector.delivered(op).filter((c) => c.conversationId === team.channelId).flatMap(cardsOf);

  beforeAll(async () => {
    h = await startOffice({});
    // The doorstroomcoach works in Noord; an MT member clicks once in the Noord channel.
    await h.send(channelMessage('status', { from: users.doorstroomcoach, team: teams.noord }));
    await h.send(channelMessage('status', { from: users.mt3, team: teams.noord }));
  });
  beforeEach(async () => {
    await freshStatus(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows a decided change that has not started yet in `status`, per task, and to other features', async () => {
    const changeId = await publishUrgent(h, {});
    await h.send(personalMessage('status', { from: users.consulent }));
    const card = text(h.lastCard());
    expect(card).toContain('Vanaf di 1 dec 2026');
    expect(card).toContain('Ring 3 gepauzeerd');
    expect(card).toContain('zoals zorg- en veiligheidsoverleggen: normaal → niet');
    expect(card).not.toContain('er is geen statusaanpassing van kracht');
    const upcoming = await upcomingChanges(h.db, h.config.office, h.clock.now());
    expect(upcoming).toEqual([expect.objectContaining({ id: changeId, title: 'Ring 3 gepauzeerd', startDate: '2026-12-01', endDate: '2027-03-01' })]);
    expect(upcoming[0]!.changes.map((d) => d.after)).toContain('niet');
    // Once it has started it is in force, no longer upcoming.
    expect(await upcomingChanges(h.db, h.config.office, new Date('2026-12-01T08:00:00+01:00'))).toEqual([]);
  });

  it('counts the regioteams\' colleagues fixed at publication, the teamleider in and the MT apart', async () => {
    const changeId = await publishUrgent(h, {});
    const announcementId = await announcementOf(h, changeId);
    const shared = text(channelCards(teams.noord, 'send').at(-1));
    // Noord: Sanne, Daan, Lotte and Ruben; Zuid: Noor, Milan and Eva. Not Iris (MT), though she clicked in Noord.
    expect(shared).toContain('0 van de 7 collega\'s hebben het gelezen');
    // A consulent who joins Noord after the publication does not change who should read it.
    await h.send(channelMessage('status', { from: newcomer, team: teams.noord }));
    const unreadBefore = text((await act(h, 'status.unread', { announcementId }, { from: users.mt })).value);
    expect(unreadBefore).toContain('Ruben Visser');
    expect(unreadBefore).toContain('Eva Peters');
    expect(unreadBefore).not.toContain('Iris Koster');
    expect(unreadBefore).not.toContain('Kim de Wit');

    const mine = text((await act(h, 'status.read', { announcementId }, { from: users.teamleiderNoord, where: teams.noord })).value);
    expect(mine).toContain('1 van de 7 collega\'s heeft het gelezen');
    expect(mine).toContain('Je hebt dit gelezen');
    await act(h, 'status.read', { announcementId }, { from: users.mt3, where: teams.noord });
    await act(h, 'status.read', { announcementId }, { from: newcomer, where: teams.noord });
    await h.app.sender.settle();
    const updated = text(channelCards(teams.noord, 'update').at(-1));
    expect(updated).toContain('1 van de 7 collega\'s heeft het gelezen');
    // The three MT members the bot knows; Joost (beleid) never used Wendbaar here. Read: Fatima, who
    // published it, and Iris.
    expect(updated).toContain('MT en beleid: 2 van de 3 gelezen');
  });

  it('shows "Wie nog niet? (MT)" and "Alle reacties (MT)" only in the MT\'s own view of a channel card', async () => {
    await act(h, 'status.preview', statusProposal, { from: users.mt });
    const changeId = (await changeIds(h)).at(-1)!;
    await act(h, 'status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }, { from: users.mt });
    await h.app.sender.settle();
    const consultation = channelCards(teams.noord, 'send').at(-1)!;
    expect(text(consultation)).not.toContain('Alle reacties (MT)');
    expect((consultation.refresh as { action: { verb: string } }).action.verb).toBe('status.consultation');
    const mtView = await act(h, 'status.consultation', { changeId }, { from: users.mt2, where: teams.noord, trigger: 'automatic' });
    expect(text(mtView.value)).toContain('Alle reacties (MT)');
    const consulentView = await act(h, 'status.consultation', { changeId }, { from: users.consulent, where: teams.noord, trigger: 'automatic' });
    expect(text(consulentView.value)).not.toContain('Alle reacties (MT)');

    await act(h, 'status.publish', { changeId }, { from: users.mt });
    await h.app.sender.settle();
    const announcementId = await announcementOf(h, changeId);
    const announcement = channelCards(teams.noord, 'send').at(-1)!;
    expect(text(announcement)).not.toContain('Wie nog niet? (MT)');
    expect((announcement.refresh as { userIds: string[] }).userIds).toEqual(expect.arrayContaining([users.mt.id, users.consulent.id, users.teamleiderNoord.id]));
    const mtAnnouncement = await act(h, 'status.announcement', { announcementId }, { from: users.mt, where: teams.noord, trigger: 'automatic' });
    expect(text(mtAnnouncement.value)).toContain('Wie nog niet? (MT)');
    const consulentAnnouncement = await act(h, 'status.announcement', { announcementId }, { from: users.consulent, where: teams.noord, trigger: 'automatic' });
    expect(text(consulentAnnouncement.value)).not.toContain('Wie nog niet? (MT)');
    expect(text(consulentAnnouncement.value)).toContain('Gelezen');
  });

  it('words deadlines and counts one way: "Reageren kan tot en met", "1 zorg", "0 opmerkingen"', async () => {
    await act(h, 'status.preview', statusProposal, { from: users.mt });
    const changeId = (await changeIds(h)).at(-1)!;
    await act(h, 'status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }, { from: users.mt });
    await act(h, 'status.respond', { changeId, answer: 'zorgen', comment: 'Twee VIOS-overleggen lopen door.' }, { from: users.consulent3, where: teams.zuid });
    await h.app.sender.settle();
    const channel = text(channelCards(teams.noord, 'update').at(-1));
    expect(channel).toContain('Reageren kan tot en met vr 27 nov 2026');
    expect(channel).not.toContain('vóór');
    expect(channel).toContain('"zorg"');
    expect(channel).toContain('"opmerkingen"');
    const decision = text((await act(h, 'status.decision', { changeId }, { from: users.mt })).value);
    expect(decision).toContain('Reageren kan tot en met vr 27 nov 2026');
    expect(decision).toContain('0 akkoord, 1 zorg, 0 opmerkingen');
    const all = text((await act(h, 'status.responses', { changeId }, { from: users.mt })).value);
    expect(all).toContain('1 reactie: 0 akkoord, 1 zorg, 0 opmerkingen.');
  });

  it('refuses a consulent the per-user MT views', async () => {
    const changeId = await publishUrgent(h, {});
    const announcementId = await announcementOf(h, changeId);
    const refused = await h.invoke(cardAction('status.unread', { announcementId }, { from: users.consulent }));
    expect(refused.value).toContain('Dit mag alleen leden van het MT');
  });
});
