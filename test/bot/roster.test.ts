/**
 * Roster sync: people in a team the bot is installed in get personal notifications, also when they
 * never opened Wendbaar (their Teams user id comes from the team's roster, or from the join event).
 */
import { randomUUID } from 'node:crypto';
import { infoCard } from '../../cards/notice';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { getPerson } from '../../services/people/store';
import { botInstalled, channelMessage, teams, type TeamChannel, type TestActivity } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import { cardsOf, startHarness, type Harness } from '../harness/harness';
import { captureLogs } from '../harness/log-capture';

const team = (key: string): TeamChannel => ({
  teamId: `19:team-${key}@thread.tacv2`,
  teamName: `RBL ${key}`,
  channelId: `19:kanaal-${key}@thread.tacv2`,
  channelName: 'Algemeen',
});

const rosterEntry = (u: TestUser) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name, userPrincipalName: `${u.aadObjectId}@rbl.example` });

/** Teams' conversationUpdate when people join a team the bot is in (no names, as Teams often sends it). */
function membersJoined(t: TeamChannel, members: Array<{ id: string; aadObjectId: string }>): TestActivity {
  return { ...botInstalled(t), id: randomUUID(), membersAdded: members };
}

describe('roster sync: team members are reachable before they talk to the bot', () => {
  let h: Harness;
  const { log, lines } = captureLogs();
  const records = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string; status?: number; teamId?: string });

  beforeAll(async () => {
    h = await startHarness({ log });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.connector.reset();
    h.connector.members = [];
    h.connector.rosterPageSize = undefined;
  });

  /** Queues a personal notification the way features do, and waits until the sender is done. */
  async function notify(recipient: string, title: string) {
    const key = `roster-test:${recipient}:${randomUUID()}`;
    await h.db.transaction((tx) => enqueueDelivery(tx, { kind: 'personal', idempotencyKey: key, recipientAad: recipient, payload: { card: infoCard(title, 'Er staat iets voor je klaar.'), summary: title } }));
    h.app.deps.kickDeliveries();
    await h.app.sender.settle();
    return (await h.db.query<{ status: string; last_error: string | null }>(`SELECT status, last_error FROM deliveries WHERE idempotency_key = $1`, [key]))[0]!;
  }

  it('delivers a personal notification to a consulent who never opened Wendbaar, after the team is installed', async () => {
    h.connector.members = [rosterEntry(users.consulent3)];
    await h.send(botInstalled(team('a')));
    expect(await getPerson(h.db, users.consulent3.aadObjectId)).toMatchObject({
      teams_user_id: users.consulent3.id,
      name: users.consulent3.name,
      upn: `${users.consulent3.aadObjectId}@rbl.example`,
      regioteam: null,
    });

    const delivery = await notify(users.consulent3.aadObjectId, 'Monitoringsmoment vandaag');
    expect(delivery).toEqual({ status: 'sent', last_error: null });
    const opened = h.connector.delivered('createConversation');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.body.members).toEqual([expect.objectContaining({ id: users.consulent3.id })]);
    const posted = h.connector.delivered('send').filter((c) => JSON.stringify(cardsOf(c)).includes('Monitoringsmoment vandaag'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toMatch(/^a:/);
  });

  it('reads a roster of several pages completely', async () => {
    h.connector.rosterPageSize = 2;
    h.connector.members = [users.consulent4, users.doorstroomcoach, users.beleid, users.mt3, users.teamleiderZuid].map(rosterEntry);
    await h.send(botInstalled(team('b')));
    const pageCalls = h.connector.calls.filter((c) => c.op === 'pagedMembers');
    expect(pageCalls).toHaveLength(3);
    expect(pageCalls.every((c) => c.conversationId === team('b').teamId)).toBe(true);
    const stored = await h.db.query<{ aad_object_id: string; teams_user_id: string }>(
      `SELECT aad_object_id, teams_user_id FROM people WHERE aad_object_id = ANY($1::text[]) ORDER BY aad_object_id`,
      [h.connector.members.map((m) => m.aadObjectId)],
    );
    expect(stored).toEqual(h.connector.members.map((m) => ({ aad_object_id: m.aadObjectId, teams_user_id: m.id })).sort((x, y) => x.aad_object_id.localeCompare(y.aad_object_id)));
    expect(records().filter((r) => r.msg === 'team roster read' && r.teamId === team('b').teamId)).toEqual([expect.objectContaining({ level: 30 })]);
  });

  it.each([403, 500])('installs the team and posts the welcome when the roster read fails with %i, logging one warning', async (status) => {
    const t = team(`fail-${status}`);
    h.connector.members = [rosterEntry(users.mt2)];
    h.connector.fail({ status, count: 10, match: (c) => c.op === 'pagedMembers' });
    const warningsBefore = records().filter((r) => r.level === 40).length;
    const { status: httpStatus } = await h.send(botInstalled(t));
    expect(httpStatus).toBe(200);
    await h.app.sender.settle();
    const welcome = h.connector.delivered('send').filter((c) => c.conversationId === t.teamId);
    expect(welcome).toHaveLength(1);
    expect(JSON.stringify(cardsOf(welcome[0]!))).toContain('Ik ben Wendbaar');
    const installs = await h.db.query(`SELECT active FROM team_installs WHERE team_id = $1`, [t.teamId]);
    expect(installs).toEqual([{ active: true }]);
    const warnings = records().filter((r) => r.level === 40).slice(warningsBefore);
    expect(warnings).toEqual([expect.objectContaining({ status, teamId: t.teamId, msg: expect.stringContaining('team roster could not be read') })]);
    expect(await getPerson(h.db, users.mt2.aadObjectId)).toBeUndefined();
  }, 20_000);

  it('remembers people who join the team later, and reaches them personally', async () => {
    const newcomer = { id: '29:nieuwe-collega', aadObjectId: 'aad-nieuwe-collega' };
    await h.send(membersJoined(team('a'), [newcomer, { id: '28:some-other-bot', aadObjectId: 'aad-bot' }]));
    expect(await getPerson(h.db, newcomer.aadObjectId)).toMatchObject({ teams_user_id: newcomer.id, name: '', regioteam: null });
    expect(await getPerson(h.db, 'aad-bot')).toBeUndefined();

    expect(await notify(newcomer.aadObjectId, 'Welkom in het team')).toMatchObject({ status: 'sent' });
    expect(h.connector.delivered('createConversation').map((c) => c.body.members[0].id)).toEqual([newcomer.id]);
  });

  it("keeps a known person's regioteam and name when the roster or a join event has them again", async () => {
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(channelMessage('menu', { from: users.consulent }));
    expect(await getPerson(h.db, users.consulent.aadObjectId)).toMatchObject({ regioteam: 'noord', name: users.consulent.name });

    h.connector.members = [{ ...rosterEntry(users.consulent), name: '' }];
    await h.send(botInstalled(team('c')));
    await h.send(membersJoined(team('c'), [{ id: users.consulent.id, aadObjectId: users.consulent.aadObjectId }]));
    expect(await getPerson(h.db, users.consulent.aadObjectId)).toMatchObject({
      regioteam: 'noord',
      name: users.consulent.name,
      teams_user_id: users.consulent.id,
      upn: `${users.consulent.aadObjectId}@rbl.example`,
    });
  });

  it('logs no names of the members it read', () => {
    const all = lines.join('\n');
    const names = Object.values(users).flatMap((u) => [u.name, u.aadObjectId + '@']);
    expect(names.filter((n) => all.includes(n))).toEqual([]);
  });
});
