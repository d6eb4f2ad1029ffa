import { channelConversationId } from '../../bot/turn-scope';
import { linkChannel } from '../../services/conversations/store';
import { botInstalled, channelMessage, personalConversationId, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

/**
 * createTurnScope skips writing the conversation and person when this process already wrote the
 * same values; these tests pin that the database stays the truth when things change elsewhere.
 */
describe('turn scope: no redundant writes, the database stays the truth', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const user = users.consulent3;
  const stamps = async () =>
    (
      await h.db.query<{ person: string; conversation: string; name: string; active: boolean }>(
        `SELECT p.updated_at::text AS person, c.updated_at::text AS conversation, p.name, c.active
         FROM people p, conversations c WHERE p.aad_object_id = $1 AND c.id = $2`,
        [user.aadObjectId, personalConversationId(user)],
      )
    )[0]!;

  it('a repeated turn only reads; a deactivated conversation and a new name are written again', async () => {
    await h.send(personalMessage('menu', { from: user }));
    const first = await stamps();
    await h.send(personalMessage('menu', { from: user }));
    expect(await stamps()).toEqual(first);
    expect(h.cards()).toHaveLength(2);

    // The sender marked the chat inactive (e.g. the user blocked the bot); the user writes again.
    await h.db.query(`UPDATE conversations SET active = false WHERE id = $1`, [personalConversationId(user)]);
    await h.send(personalMessage('menu', { from: user }));
    expect((await stamps()).active).toBe(true);

    await h.send(personalMessage('menu', { from: { ...user, name: 'Noor Hendriks-Visser' } }));
    expect((await stamps()).name).toBe('Noor Hendriks-Visser');
  });

  it('someone acting in a channel linked elsewhere (another replica) gets its regioteam', async () => {
    await h.send(botInstalled(teams.zuid));
    await h.send(channelMessage('menu', { from: users.consulent4, team: teams.zuid }));
    const regioteam = async () =>
      (await h.db.query<{ regioteam: string | null }>(`SELECT regioteam FROM people WHERE aad_object_id = $1`, [users.consulent4.aadObjectId]))[0]?.regioteam;
    expect(await regioteam()).toBeNull();
    const channel = channelConversationId(channelMessage('menu', { team: teams.zuid }).conversation.id as string);
    await linkChannel(h.db, channel, 'zuid');
    await h.send(channelMessage('menu', { from: users.consulent4, team: teams.zuid }));
    expect(await regioteam()).toBe('zuid');
  });
});
