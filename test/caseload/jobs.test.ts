import { createItem } from '../../services/monitoring/actions/start';
import { helpRequestSummary, workloadSummary } from '../../services/caseload/store/workload';
import type { ManualClock } from '../../services/clock';
import { botInstalled, cardAction, channelMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { cardsOf, startHarness, type Harness } from '../harness/harness';
import { testDialect } from '../harness/test-db';

const text = (card: unknown) => JSON.stringify(card ?? {});
const request = (extra: Record<string, string> = {}) => ({
  kind: 'overnemen', caseCount: '1', reason: 'ziekte', urgency: 'week', caseRefs: '', description: '', ...extra,
});

async function linkTeams(h: Harness) {
  await h.send(botInstalled(teams.noord));
  await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
  await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
  await h.send(channelMessage('koppel zuid', { from: users.teamleiderZuid, team: teams.zuid }));
  for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
}

const weekstartPosts = (h: Harness) =>
  h.db.query<{ idempotency_key: string; conversation_id: string; payload: Record<string, unknown> }>(
    `SELECT idempotency_key, conversation_id, payload FROM deliveries WHERE idempotency_key LIKE 'weekstart:%' ORDER BY id`);

describe('caseload jobs: escalation and weekstart', () => {
  let h: Harness;
  let clock: ManualClock;
  const ids: Record<string, number> = {};

  const create = async (name: string, data: Record<string, string>) => {
    await h.invoke(cardAction('caseload.request', request(data), { from: users.consulent }));
    ids[name] = Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`))[0]!.id);
  };
  const escalations = () =>
    h.db.query<{ idempotency_key: string; recipient_aad: string; payload: Record<string, unknown> }>(
      `SELECT idempotency_key, recipient_aad, payload FROM deliveries WHERE idempotency_key LIKE '%:escalate:%' ORDER BY id`);

  /** Each test starts from the same Tuesday morning: three requests (one already helped) and Sanne's figures. */
  beforeEach(async () => {
    h = await startHarness();
    clock = h.clock as ManualClock;
    await linkTeams(h);
    clock.set('2026-11-24T09:00:00+01:00'); // a Tuesday
    await create('week', { urgency: 'week' });
    await create('today', { urgency: 'vandaag' });
    await create('helped', { urgency: 'week' });
    await h.invoke(cardAction('caseload.offer', { requestId: ids.helped, amount: '1' }, { from: users.consulent2, where: teams.noord }));
    const offer = (await h.db.query<{ id: number }>(`SELECT id FROM help_offers WHERE request_id = $1`, [ids.helped]))[0]!;
    await h.invoke(cardAction('caseload.accept', { requestId: ids.helped, offerId: offer.id }, { from: users.consulent, where: teams.noord }));
    await h.invoke(cardAction('caseload.figures', { openCases: '64', complexCases: '8', newThisWeek: '3', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    await h.app.sender.settle();
  });
  afterEach(async () => {
    await h.close();
  });
  /** By Thursday both unanswered requests waited long enough and went to the teamleider. */
  const escalateWaitingRequests = async () => {
    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-26T09:00:00+01:00'));
    expect(await escalations()).toHaveLength(2);
  };

  it('escalates once to the teamleider after two hours (vandaag) or one working day, never after accepted help', async () => {
    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-24T10:45:00+01:00'));
    expect(await escalations()).toHaveLength(0);

    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-24T11:00:00+01:00'));
    let sent = await escalations();
    expect(sent.map((d) => d.idempotency_key)).toEqual([`helprequest:${ids.today}:escalate:${users.teamleiderNoord.aadObjectId}`]);
    // What the teamleider sees in their personal chat: the card rendered when it was sent.
    await h.app.sender.settle();
    const received = h.personalCards(users.teamleiderNoord).map(text).filter((card) => card.includes(`(H-${ids.today})`));
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Werkdruk in Regioteam Noord');
    expect(received[0]).toContain('64 / 60 (8)');

    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-24T17:00:00+01:00'));
    expect(await escalations()).toHaveLength(1);

    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-25T09:00:00+01:00'));
    await h.app.scheduler.fire('caseload.escalate', new Date('2026-11-26T09:00:00+01:00'));
    sent = await escalations();
    expect(sent.map((d) => d.idempotency_key)).toEqual([
      `helprequest:${ids.today}:escalate:${users.teamleiderNoord.aadObjectId}`,
      `helprequest:${ids.week}:escalate:${users.teamleiderNoord.aadObjectId}`,
    ]);
    expect(sent.every((d) => d.recipient_aad === users.teamleiderNoord.aadObjectId)).toBe(true);

    // The teamleider gets the card personally and the channel card shows the escalation.
    await h.app.sender.settle();
    const channelCards = h.connector.delivered('update').flatMap(cardsOf);
    expect(text(channelCards.at(-1))).toContain('Doorgezet naar de teamleider');
  });

  it('posts the weekstart once per linked channel per week and not in school holidays', async () => {
    await escalateWaitingRequests();
    const monday = new Date('2026-11-30T08:30:00+01:00');
    // Monitoring deadlines of the team: one check falls in this week (+4 weeks after 3 November),
    // two stages of an older hand-over are past.
    for (const date of ['2026-11-03', '2026-10-01']) {
      await h.db.transaction((tx) => createItem(tx, h.config, { kind: 'overdracht-wijkteam', caseReference: `C-2026-${date.slice(5, 7)}01`, date, ownerAad: users.consulent.aadObjectId, regioteam: 'noord', createdBy: 'test' }));
    }
    expect(await h.app.scheduler.fire('caseload.weekstart', monday)).toBe(true);
    expect(await h.app.scheduler.fire('caseload.weekstart', monday)).toBe(false);
    await h.app.scheduler.fire('caseload.weekstart', new Date('2026-12-02T08:30:00+01:00'));
    const posts = await weekstartPosts(h);
    expect(posts.map((p) => [p.conversation_id, p.idempotency_key])).toEqual([
      [teams.noord.channelId, `weekstart:${teams.noord.channelId}:2026-W49`],
      [teams.zuid.channelId, `weekstart:${teams.zuid.channelId}:2026-W49`],
    ]);
    // No case numbers in what is queued, nor in what the channel shows.
    expect(posts.map((p) => text(p.payload)).join()).not.toContain('C-2026-');
    await h.app.sender.settle();
    const weekstartIn = (channelId: string) =>
      h.connector.delivered('send').filter((c) => c.conversationId === channelId).map((c) => text(cardsOf(c))).filter((card) => card.includes('Weekstart'));
    expect(weekstartIn(teams.noord.channelId)).toHaveLength(1);
    expect(weekstartIn(teams.zuid.channelId)).toHaveLength(1);
    const noord = weekstartIn(teams.noord.channelId)[0]!;
    expect(noord).toContain('Weekstart Regioteam Noord');
    expect(noord).toContain('Sanne Bakker');
    expect(noord).toContain('boven de norm');
    expect(noord).toContain(`H-${ids.today}`);
    expect(noord).toContain('doorgezet naar teamleider');
    expect(noord).not.toContain(`H-${ids.helped} ·`);
    expect(noord).toContain('Monitoringstermijnen deze week');
    expect(noord).toContain('Sanne Bakker: 1 deze week, 2 verlopen');
    expect(noord).not.toContain('C-2026-');
    expect(weekstartIn(teams.zuid.channelId)[0]).toContain('Deze week lopen er geen monitoringstermijnen af.');
    expect(noord).toContain(`Daan Jansen hielp Sanne Bakker met 1 casus (H-${ids.helped})`);

    await h.app.scheduler.fire('caseload.weekstart', new Date('2026-12-21T08:30:00+01:00')); // Kerstvakantie
    expect(await weekstartPosts(h)).toHaveLength(2);
    await h.app.sender.settle();
    expect(h.connector.delivered('send').filter((c) => text(cardsOf(c)).includes('Weekstart'))).toHaveLength(2);
  });

  it('summarises workload and help requests for the dashboard', async () => {
    await escalateWaitingRequests();
    const summary = await helpRequestSummary(h.db, { from: new Date('2026-11-23T00:00:00+01:00'), to: new Date('2026-11-30T00:00:00+01:00') });
    expect(summary).toMatchObject({ asked: 3, answered: 1, escalated: 2 });
    expect(summary.open.map((r) => [r.id, r.regioteam, r.urgency, r.status]).sort()).toEqual([
      [ids.today, 'noord', 'vandaag', 'open'],
      [ids.week, 'noord', 'week', 'open'],
    ].sort());
    const workload = await workloadSummary(h.db, h.config.office, { regioteam: 'noord' });
    expect(workload).toEqual([
      { aadObjectId: users.consulent.aadObjectId, name: 'Sanne Bakker', regioteam: 'noord', openCases: 64, complexCases: 8, newThisWeek: 3, absentDays: 0, norm: 60, isBuffer: false },
    ]);
    expect(await workloadSummary(h.db, h.config.office, { regioteam: 'zuid' })).toEqual([]);
  });
});

(testDialect() === 'postgres' ? describe : describe.skip)('caseload weekstart with two replicas on PostgreSQL', () => {
  it('posts once per channel per week although both replicas fire', async () => {
    const h = await startHarness();
    const other = await h.testDb!.openAnother();
    const h2 = await startHarness({ db: other, connector: h.connector });
    try {
      await linkTeams(h);
      const monday = new Date('2026-11-30T08:30:00+01:00');
      const ran = await Promise.all([h.app.scheduler.fire('caseload.weekstart', monday), h2.app.scheduler.fire('caseload.weekstart', monday)]);
      expect(ran.sort()).toEqual([false, true]);
      // A later fire in the same week (e.g. after a restart with another schedule) adds nothing.
      await Promise.all([
        h.app.scheduler.fire('caseload.weekstart', new Date('2026-11-30T09:30:00+01:00')),
        h2.app.scheduler.fire('caseload.weekstart', new Date('2026-11-30T09:30:00+01:00')),
      ]);
      await Promise.all([h.app.sender.settle(), h2.app.sender.settle()]);
      const sent = h.connector.delivered('send').filter((c) => text(cardsOf(c)).includes('Weekstart'));
      expect(sent.map((c) => c.conversationId).sort()).toEqual([teams.noord.channelId, teams.zuid.channelId].sort());
    } finally {
      await h2.close();
      await h.close();
    }
  });
});
