import type { ManualClock } from '../../services/clock';
import { cardAction, personalConversationId, teams } from '../fixtures/activities';
import { statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { cardsOf, type Harness } from '../harness/harness';
import { act, changeIds, freshStatus, startOffice } from './helpers';

/**
 * The MT's side of the consultation: its own card follows the answers in place, and publishing
 * goes through a confirmation that shows concerns, remarks and a deadline not yet passed.
 */

const text = (card: unknown) => JSON.stringify(card ?? {});

describe('statusaanpassing: the MT decides seeing the consultation', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startOffice({});
  });
  beforeEach(async () => {
    await freshStatus(h);
  });
  afterAll(async () => {
    await h.close();
  });

  async function consulting(): Promise<number> {
    const preview = await act(h, 'status.preview', statusProposal, { from: users.mt });
    expect(text(preview.value)).toContain('Stap 1 van 4: voorstel');
    const changeId = (await changeIds(h)).at(-1)!;
    const shared = await act(h, 'status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }, { from: users.mt, replyToId: 'mt-card' });
    expect(text(shared.value)).toContain('Stap 2 van 4: consultatie');
    return changeId;
  }

  it('updates the MT\'s own card in place as answers arrive', async () => {
    const changeId = await consulting();
    await act(h, 'status.respond', { changeId, answer: 'zorgen', comment: 'Twee VIOS-overleggen lopen door.' }, { from: users.consulent3, where: teams.zuid });
    await h.app.sender.settle();
    const mine = h.connector.delivered('update').filter((c) => c.conversationId === personalConversationId(users.mt) && c.activityId === 'mt-card');
    expect(mine.length).toBeGreaterThanOrEqual(1);
    const card = text(cardsOf(mine.at(-1)!)[0]);
    expect(card).toContain('0 akkoord, 1 zorg, 0 opmerkingen');
    expect(card).toContain('Stap 2 van 4: consultatie');
  });

  it('asks to confirm before publishing: concerns and remarks listed, a deadline not yet passed said', async () => {
    const changeId = await consulting();
    await act(h, 'status.respond', { changeId, answer: 'zorgen', comment: 'Twee VIOS-overleggen lopen door.' }, { from: users.consulent3, where: teams.zuid });
    await act(h, 'status.respond', { changeId, answer: 'opmerking', comment: 'Graag een format voor schriftelijke inbreng.' }, { from: users.consulent, where: teams.noord });
    await act(h, 'status.respond', { changeId, answer: 'akkoord', comment: 'Prima.' }, { from: users.consulent2, where: teams.noord });
    const check = text((await act(h, 'status.publishCheck', { changeId }, { from: users.mt })).value);
    expect(check).toContain('Stap 3 van 4: besluit');
    expect(check).toContain('De reactietermijn loopt nog tot en met vr 27 nov 2026');
    expect(check).toContain('Noor Hendriks');
    expect(check).toContain('Twee VIOS-overleggen lopen door.');
    expect(check).toContain('Graag een format voor schriftelijke inbreng.');
    expect(check).not.toContain('Prima.');
    expect(check).toContain('"verb":"status.publish"');
    // Nothing is decided by looking at the confirmation.
    const [row] = await h.db.query<{ state: string }>(`SELECT state FROM status_changes WHERE id = $1`, [changeId]);
    expect(row!.state).toBe('proposed');

    (h.clock as ManualClock).set('2026-11-30T09:00:00+01:00');
    const later = text((await act(h, 'status.publishCheck', { changeId }, { from: users.mt })).value);
    expect(later).not.toContain('De reactietermijn loopt nog');
    expect(later).toContain('De reactietermijn is verstreken');
    const published = text((await act(h, 'status.publish', { changeId }, { from: users.mt })).value);
    expect(published).toContain('Stap 4 van 4: aankondiging');
  });

  it('refuses the confirmation step to a consulent', async () => {
    const changeId = await consulting();
    const refused = await h.invoke(cardAction('status.publishCheck', { changeId }, { from: users.consulent }));
    expect(refused.value).toContain('Dit mag alleen leden van het MT');
  });
});
