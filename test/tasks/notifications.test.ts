import { cardAction, TENANT, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { CARD, channelCard, startOffice, type Card } from './helpers';

/** Personal notices that ask something of the reader carry the action itself and a link to the post in the channel. */
describe('actionable notifications', () => {
  let h: Harness;
  const lastRequestId = async () => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`))[0]!.id);
  const postOf = async (requestId: number) =>
    (await h.db.query<{ sent_activity_id: string; conversation_id: string }>(`SELECT sent_activity_id, conversation_id FROM deliveries WHERE idempotency_key = $1`, [`helprequest:${requestId}:post`]))[0]!;
  const noticeOf = (user: typeof users.consulent, text: string) => h.personalCards(user).filter((c) => JSON.stringify(c).includes(text)).at(-1) as Card | undefined;
  const actions = (card: Card) => (card.actions as Card[]).map((a) => a.title);
  const linkOf = (card: Card) => new URL((card.actions as Card[]).find((a) => a.type === 'Action.OpenUrl')!.url);

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });

  it('an offer notice has Accepteren for the requester only and links to the request in its channel', async () => {
    await h.invoke(cardAction('caseload.request', helpRequestForm, { from: users.consulent }));
    const id = await lastRequestId();
    await h.app.sender.settle();
    await h.invoke(cardAction('caseload.offer', { requestId: id, amount: '1' }, { from: users.consulent2, where: teams.noord }));
    await h.app.sender.settle();

    const notice = noticeOf(users.consulent, 'Daan Jansen kan 1 casus oppakken')!;
    expect(actions(notice)).toEqual(['Accepteren', 'Bekijk in het kanaal', 'Mijn taken']);
    const post = await postOf(id);
    const link = linkOf(notice);
    expect(`${link.origin}${decodeURIComponent(link.pathname)}`).toBe(`https://teams.microsoft.com/l/message/${teams.noord.channelId}/${post.sent_activity_id}`);
    expect(link.searchParams.get('parentMessageId')).toBe(post.sent_activity_id);
    expect(link.searchParams.get('tenantId')).toBe(TENANT);
    expect(post.conversation_id).toBe(teams.noord.channelId);

    // Someone else replaying the notice's button is refused and nothing changes.
    const accept = (notice.actions as Card[]).find((a) => a.title === 'Accepteren')!;
    for (const intruder of [users.consulent2, users.consulent4, users.teamleiderNoord]) {
      const refused = await h.invoke(cardAction(accept.verb, accept.data, { from: intruder }));
      expect(refused).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('Dit mag alleen de aanvrager') });
    }
    expect(await h.db.query(`SELECT status FROM help_offers WHERE request_id = $1`, [id])).toEqual([{ status: 'offered' }]);

    // The requester accepts from the notice: the request as she sees it, and the channel card follows in place.
    const accepted = await h.invoke(cardAction(accept.verb, accept.data, { from: users.consulent }));
    expect(accepted.type).toBe(CARD);
    expect(JSON.stringify(accepted.value)).toContain('Daan Jansen: 1 casus · ✔ geaccepteerd');
    await h.app.sender.settle();
    const channel = channelCard(h, teams.noord, new RegExp(`H-${id}`))!;
    expect({ op: channel.op, activityId: channel.activityId }).toEqual({ op: 'update', activityId: post.sent_activity_id });
    expect(JSON.stringify(channel.card)).toContain('Deels toegewezen — nog 1 casus open');
    // Daan's "accepted" notice links to the same post.
    expect(linkOf(noticeOf(users.consulent2, 'heeft je aanbod geaccepteerd')!).pathname).toBe(link.pathname);
    // Accepting again from the old notice says what happened instead of failing.
    const again = await h.invoke(cardAction(accept.verb, accept.data, { from: users.consulent }));
    expect(again.value).toMatch(/^Je hebt dit aanbod al geaccepteerd op \w+ \d+ \w+ om \d\d:\d\d\.$/);
  });

  it('the teamleider\'s escalation links to the request in the channel and to their list', async () => {
    await h.invoke(cardAction('caseload.request', helpRequestForm, { from: users.consulent4 }));
    const id = await lastRequestId();
    await h.app.sender.settle();
    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-26T09:00:00+01:00'));
    await h.app.sender.settle();
    const escalation = noticeOf(users.teamleiderNoord, `H-${id}`)!;
    expect(actions(escalation)).toEqual(['Bekijk in het kanaal', 'Werkdruk van het team', 'Mijn taken']);
    expect(decodeURIComponent(linkOf(escalation).pathname)).toBe(`/l/message/${teams.noord.channelId}/${(await postOf(id)).sent_activity_id}`);
  });
});
