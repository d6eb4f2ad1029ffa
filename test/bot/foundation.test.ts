import { botAddedPersonally, botInstallationUpdate, botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

const textOf = (card: Record<string, unknown> | undefined) => JSON.stringify(card ?? {});

describe('foundation: install, menu, linking', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  // Posts queued by the previous test are delivered before the slate is cleaned.
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  it('stores the team on install and posts a Dutch welcome card in its General channel', async () => {
    const { status } = await h.send(botInstalled(teams.noord));
    expect(status).toBe(200);
    await h.connector.waitFor(() => h.connector.delivered().length >= 1);
    const [post] = h.connector.delivered();
    expect(post!.conversationId).toBe(teams.noord.teamId);
    expect(textOf(h.cards()[0])).toContain('Ik ben Wendbaar');
    const rows = await h.db.query<{ team_id: string; active: boolean }>(`SELECT team_id, active FROM team_installs`);
    expect(rows).toEqual([{ team_id: teams.noord.teamId, active: true }]);
    const refs = await h.db.query<{ id: string }>(`SELECT id FROM conversations WHERE team_id = $1`, [teams.noord.teamId]);
    expect(refs.map((r) => r.id)).toContain(teams.noord.teamId);
  });

  it('greets a team once, although Teams announces the install twice and again on upgrades', async () => {
    await h.send(botInstallationUpdate(teams.noord));
    await h.send(botInstalled(teams.noord));
    await h.send(botInstallationUpdate(teams.noord, undefined, 'add-upgrade'));
    await h.app.sender.settle();
    expect(h.connector.delivered()).toHaveLength(0);
    const welcomes = await h.db.query(`SELECT id FROM deliveries WHERE idempotency_key LIKE 'welcome:%'`);
    expect(welcomes).toHaveLength(1);
  });

  it('greets a user who adds the bot in their personal chat with the menu', async () => {
    await h.send(botAddedPersonally(users.consulent2));
    const replies = h.connector.delivered('reply').concat(h.connector.delivered('send'));
    expect(JSON.stringify(replies.map((r) => r.body.text))).toContain('Welkom bij Wendbaar, Daan Jansen');
    expect(textOf(h.lastCard())).toContain('MDO-deelname');
    const stored = await h.db.query(`SELECT id FROM conversations WHERE kind = 'personal' AND id = $1`, ['a:personal-aad-consulent-2']);
    expect(stored).toHaveLength(1);
  });

  it('answers "menu" with a mention in a channel with a card in the same thread', async () => {
    const activity = channelMessage('menu');
    await h.send(activity);
    const replies = h.connector.delivered('reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe(activity.conversation.id);
    const card = h.lastCard()!;
    expect(card.version).toBe('1.5');
    expect(textOf(card)).toContain('MDO-deelname');
  });

  it('answers "help" in personal chat with the menu; MT sees statusaanpassing, a consulent does not', async () => {
    await h.send(personalMessage('help', { from: users.consulent }));
    expect(textOf(h.lastCard())).not.toContain('Statusaanpassing');
    expect(textOf(h.lastCard())).not.toContain('Kanaal koppelen');
    expect(textOf(h.lastCard())).not.toContain('Werkdruk van het team');
    await h.send(personalMessage('Menu', { from: users.mt }));
    expect(textOf(h.lastCard())).toContain('Statusaanpassing');
    // A teamleider is offered what they may do for their own team, not the MT's work.
    await h.send(personalMessage('menu', { from: users.teamleiderNoord }));
    expect(textOf(h.lastCard())).toContain('Kanaal koppelen');
    expect(textOf(h.lastCard())).toContain('Werkdruk van het team');
    expect(textOf(h.lastCard())).not.toContain('Statusaanpassing');
  });

  it('answers unknown text with the menu instead of silence', async () => {
    await h.send(personalMessage('goedemorgen, wat kun je?'));
    expect(textOf(h.lastCard())).toContain('Kies wat je wilt doen');
  });

  it('refuses "koppel" from a consulent in Dutch and links nothing', async () => {
    await h.send(channelMessage('koppel noord', { from: users.consulent }));
    const card = textOf(h.lastCard());
    expect(card).toContain('Dit mag alleen het MT of de teamleider van dit regioteam');
    const linked = await h.db.query(`SELECT id FROM conversations WHERE regioteam IS NOT NULL`);
    expect(linked).toHaveLength(0);
    const refused = await h.db.query<{ outcome: string }>(`SELECT outcome FROM audit_log WHERE actor = $1`, [users.consulent.aadObjectId]);
    expect(refused.map((r) => r.outcome)).toContain('refused');
  });

  it('lets the teamleider link the channel to the regioteam and unlink it again', async () => {
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    expect(textOf(h.lastCard())).toContain('Gekoppeld aan Regioteam Noord');
    const linked = await h.db.query<{ id: string; regioteam: string }>(`SELECT id, regioteam FROM conversations WHERE regioteam IS NOT NULL`);
    expect(linked).toEqual([{ id: teams.noord.channelId, regioteam: 'noord' }]);

    await h.send(channelMessage('koppel zuid', { from: users.teamleiderNoord }));
    expect(textOf(h.lastCard())).toContain('Dit mag alleen');

    await h.send(channelMessage('ontkoppel', { from: users.teamleiderNoord }));
    expect(textOf(h.lastCard())).toContain('Ontkoppeld');
  });

  it('opens a command from a menu button (Action.Execute) and answers an unknown verb in Dutch', async () => {
    const opened = await h.invoke(cardAction('menu.open', { command: 'mdo' }));
    expect(opened.type).toBe('application/vnd.microsoft.card.adaptive');
    const unknown = await h.invoke(cardAction('no.such.verb', {}));
    expect(unknown.type).toBe('application/vnd.microsoft.activity.message');
    expect(unknown.value).toContain('wordt niet (meer) herkend');
  });

  it('handles a retried activity (same id) only once', async () => {
    const activity = personalMessage('menu');
    await h.send(activity);
    await h.send(activity);
    expect(h.connector.delivered('reply')).toHaveLength(1);
  });

  it('serves health, readiness and metrics', async () => {
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', pendingMigrations: 0 });
    const metrics = await (await fetch(`${h.app.url}/metrics`)).text();
    expect(metrics).toMatch(/wendbaar_activities_total\{type="message",outcome="ok"\} \d+/);
  });
});
