import { cardAction, personalConversationId, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { CARD, channelCard, click, readList, startOffice, taken } from './helpers';

/** The whole hand-over between three people through `taken` only, and a long list that still fits in one Teams message. */
describe('taken: multi-person story and size', () => {
  let h: Harness;
  const lastRequestId = async () => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`))[0]!.id);

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a help request with two offers, both made and accepted through taken, the channel card right at every step', async () => {
    expect((await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseCount: '2' }, { from: users.consulent }))).type).toBe(CARD);
    const id = await lastRequestId();
    await h.app.sender.settle();
    const post = channelCard(h, teams.noord, new RegExp(`H-${id}`))!;
    expect(post.op).toBe('send');
    expect(JSON.stringify(post.card)).toContain('Open');
    const [{ sent_activity_id: postId }] = await h.db.query<{ sent_activity_id: string }>(`SELECT sent_activity_id FROM deliveries WHERE idempotency_key = $1`, [`helprequest:${id}:post`]) as [{ sent_activity_id: string }];
    const channelNow = async () => {
      await h.app.sender.settle();
      const now = channelCard(h, teams.noord, new RegExp(`H-${id}`))!;
      expect({ op: now.op, activityId: now.activityId }).toEqual({ op: 'update', activityId: postId });
      return JSON.stringify(now.card);
    };

    await click(h, users.consulent2, await taken(h, users.consulent2), /Sanne Bakker zoekt hulp/, 'Ik help met 1 casus');
    expect(await channelNow()).toContain('Daan Jansen: 1 casus');
    // Milan now sees one case left.
    const milan = await taken(h, users.consulent4);
    expect(readList(milan).rows.map((r) => [r.detail, r.buttons.map((b) => b.title)])).toEqual([['Deze week · nog 1 casus open', ['Ik help met 1 casus', 'Bekijken']]]);
    await click(h, users.consulent4, milan, /Sanne Bakker zoekt hulp/, 'Ik help met 1 casus');
    const bothOffered = await channelNow();
    expect(bothOffered).toContain('Milan de Boer: 1 casus');
    expect(bothOffered).toContain('Hulp aangeboden');

    // Sanne was told twice and has both offers on her list, newest first.
    await h.app.sender.settle();
    expect(h.personalCards(users.consulent).map((c) => JSON.stringify(c)).filter((c) => /biedt hulp aan|kan 1 casus oppakken/.test(c))).toHaveLength(2);
    const sanne = readList(await taken(h, users.consulent));
    expect(sanne.rows.map((r) => r.text)).toEqual([`**Milan de Boer biedt hulp aan** bij je hulpvraag H-${id}`, `**Daan Jansen biedt hulp aan** bij je hulpvraag H-${id}`]);
    const first = await click(h, users.consulent, await taken(h, users.consulent), /Daan Jansen biedt/, 'Accepteren');
    expect(readList(first.value).rows.map((r) => r.text)).toEqual([`**Milan de Boer biedt hulp aan** bij je hulpvraag H-${id}`]);
    expect(await channelNow()).toContain('Daan Jansen: 1 casus · ✔ geaccepteerd');
    const second = await click(h, users.consulent, first.value, /Milan de Boer biedt/, 'Accepteren');
    expect(readList(second.value).rows.map((r) => [r.text, r.buttons.map((b) => b.title)])).toEqual([[`**Jouw hulpvraag H-${id}:** Tijdelijk casus(sen) overnemen`, ['Afronden', 'Intrekken', 'Bekijken']]]);
    const assigned = await channelNow();
    expect(assigned).toContain('Toegewezen');
    expect(assigned).toContain('Milan de Boer: 1 casus · ✔ geaccepteerd');
    // Both helpers were told, each once.
    await h.app.sender.settle();
    for (const helper of [users.consulent2, users.consulent4]) {
      expect(h.personalCards(helper).map((c) => JSON.stringify(c)).filter((c) => c.includes('Sanne Bakker heeft je aanbod geaccepteerd'))).toHaveLength(1);
    }
    await click(h, users.consulent, second.value, /Jouw hulpvraag/, 'Afronden');
    expect(await channelNow()).toContain('Afgerond');
    for (const who of [users.consulent, users.consulent2, users.consulent4]) expect(readList(await taken(h, who)).empty).toBe(true);
  });

  it('stays well under 28 KB with 200 open items and shows the rest per group', async () => {
    for (let i = 0; i < 100; i++) {
      const from = i % 2 ? users.consulent2 : users.consulent4;
      expect((await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseCount: '3', caseRefs: '' }, { from }))).type).toBe(CARD);
      const created = await h.invoke(cardAction('monitoring.create', { kind: 'no-show', caseReference: `C-2026-${String(2000 + i)}`, date: '2026-11-02', owner: users.consulent.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
      expect(created.type).toBe(CARD);
    }
    await h.app.sender.settle();
    h.connector.reset();
    const card = await taken(h, users.consulent);
    const list = readList(card);
    const reply = h.connector.calls.filter((c) => c.op === 'reply' && c.conversationId === personalConversationId(users.consulent)).at(-1)!;
    const messageBytes = Buffer.byteLength(JSON.stringify(reply.body));
    expect(messageBytes).toBeLessThan(20_000);
    expect(list.groups).toEqual(['Ondersteuning (100)', 'Monitoring (100)']);
    expect(list.more).toEqual({ Ondersteuning: 'en nog 95', Monitoring: 'en nog 95' });
    expect(list.rows).toHaveLength(10);

    const all = await h.invoke(cardAction('taken.group', { group: 'monitoring' }, { from: users.consulent }));
    const group = readList(all.value);
    expect(group.groups).toEqual(['Monitoring (100)']);
    expect(group.rows).toHaveLength(25);
    expect(group.more).toEqual({ Monitoring: 'en nog 75' });
    expect(Buffer.byteLength(JSON.stringify(all.value))).toBeLessThan(24_000);
    // Acting from the group view comes back to the group view.
    const closed = await click(h, users.consulent, all.value, /C-2026-2000/, 'Afgerond');
    expect(readList(closed.value)).toMatchObject({ groups: ['Monitoring (99)'], message: '✔ Het monitoringitem is afgesloten.' });
    // 200 items are created through HTTP first: a budget for a loaded machine, not a speed goal.
  }, 300_000);
});
