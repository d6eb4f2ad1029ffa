import { renderCardSpec } from '../../cards/registry';
import { ManualClock } from '../../services/clock';
import type { CardSpec } from '../../services/deliveries/card-spec';
import { importMonitoringCsv, ImportRejected } from '../../services/monitoring/actions/import';
import { createItem } from '../../services/monitoring/actions/start';
import { DUE_STAGES_SQL } from '../../services/monitoring/store/announcements';
import { monitoringSummary } from '../../services/monitoring/summary';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import type { FakeConnector } from '../harness/fake-connector';
import { startHarness, type Harness } from '../harness/harness';
import type { TestDatabase } from '../harness/test-db';
import { input, problemLines } from '../forms/card-inputs';

const text = (card: unknown) => JSON.stringify(card ?? {});

interface DeliveryRow {
  idempotency_key: string;
  kind: string;
  conversation_id: string | null;
  recipient_aad: string | null;
  target_key: string | null;
  status: string;
  payload: { view?: CardSpec };
}

describe('monitoring deadlines', () => {
  let h: Harness;
  let connector: FakeConnector;
  let testDb: TestDatabase;
  const START = new Date('2026-11-20T10:00:00+01:00');

  /** The card a queued delivery carries, rendered from its spec as the sender renders it when sending. */
  const cardOf = (d: DeliveryRow) => renderCardSpec(d.payload.view!, { office: h.config.office, zone: h.config.env.WENDBAAR_TIME_ZONE });
  const deliveries = (like = 'monitoring:%') =>
    h.db.query<DeliveryRow>(`SELECT idempotency_key, kind, conversation_id, recipient_aad, target_key, status, payload FROM deliveries WHERE idempotency_key LIKE $1 ORDER BY id`, [like]);
  const fire = async (iso: string, time = '08:00:00') => {
    (h.clock as ManualClock).set(new Date(`${iso}T${time}+01:00`));
    const ran = await h.app.scheduler.fire('monitoring.daily', new Date(`${iso}T${time}+01:00`));
    await h.app.sender.settle();
    return ran;
  };
  const add = (kind: string, caseReference: string, date: string, owner: TestUser, regioteam = 'noord') =>
    h.db.transaction((tx) => createItem(tx, h.config, { kind, caseReference, date, ownerAad: owner.aadObjectId, regioteam, createdBy: 'test' }));
  /** Starts an item through the card, as the owner does (validated and audited); returns its id. */
  const startFromCard = async (kind: string, caseReference: string, date: string, owner: TestUser, regioteam = 'noord') => {
    const reply = await h.invoke(cardAction('monitoring.create', { kind, caseReference, date, owner: owner.aadObjectId, regioteam }, { from: owner }));
    expect(text(reply.value)).toContain(`Monitoring gestart voor casus ${caseReference}`);
    const [item] = await h.db.query<{ id: number }>(`SELECT id FROM monitoring_items WHERE case_reference = $1`, [caseReference]);
    return Number(item!.id);
  };
  /**
   * A week of deadlines: in noord a hand-over checked on Tuesday 24 November (started through the
   * card), a no-show followed up that day and a thuiszitter due on Thursday 26; in zuid a
   * preventive talk whose feedback is due on the 24th.
   */
  const seedWeek = async () => ({
    overdracht: await startFromCard('overdracht-wijkteam', 'C-2026-0412', '2026-10-27', users.consulent),
    noShow: await add('no-show', 'C-2026-0377', '2026-11-23', users.consulent2),
    thuis: await add('thuiszitter', 'C-2026-0520', '2026-10-29', users.consulent),
    prev: await add('preventief-gesprek', 'Z-2026-0099', '2026-11-19', users.consulent3, 'zuid'),
  });
  /** That week announced on Tuesday 24, a second no-show due Wednesday 25, the bot down Wednesday and Thursday, then the run on Friday 27. */
  const seedAfterOutage = async () => {
    const ids = await seedWeek();
    await fire('2026-11-24');
    const noShow2 = await add('no-show', 'C-2026-0600', '2026-11-24', users.consulent2); // due Wed 25
    await fire('2026-11-27');
    return { ...ids, noShow2 };
  };

  beforeAll(async () => {
    h = await startHarness({ clock: new ManualClock(START) });
    connector = h.connector;
    testDb = h.testDb!;
    await h.send(botInstalled(teams.noord));
    await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(channelMessage('koppel zuid', { from: users.teamleiderZuid, team: teams.zuid }));
    for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
    await h.send(channelMessage('menu', { from: users.consulent3, team: teams.zuid }));
    for (const u of [users.mt, users.beleid]) await h.send(personalMessage('menu', { from: u }));
    await h.app.sender.settle();
  });
  // Every test starts from the people and linked channels above, with no monitoring items, posts or runs.
  beforeEach(async () => {
    await h.app.sender.settle();
    await h.db.query(`DELETE FROM monitoring_items`);
    await h.db.query(`DELETE FROM deliveries WHERE idempotency_key LIKE 'monitoring:%'`);
    await h.db.query(`DELETE FROM cron_runs WHERE key LIKE 'monitoring.%'`);
    (h.clock as ManualClock).set(START);
    connector.reset();
  });
  afterAll(async () => {
    await h.app.close();
    await connector.stop();
    await testDb.close();
  });

  it('"monitoring" opens a card with the form and the own (empty) list', async () => {
    await h.send(personalMessage('monitoring', { from: users.consulent }));
    const card = text(h.lastCard());
    expect(card).toContain('Je hebt geen open monitoringitems');
    expect(card).toContain('Overdracht aan sociaal wijkteam');
    expect(card).toContain('monitoring.create');
  });

  it('lets only the teamleider (or MT) choose another consulent; a consulent starts items for themself', async () => {
    const ownerChoices = (card: unknown): string[] => {
      const found: string[] = [];
      JSON.stringify(card, (key, value: { id?: string; choices?: Array<{ title: string }> }) => {
        if (value && typeof value === 'object' && value.id === 'owner') found.push(...(value.choices ?? []).map((c) => c.title));
        return value;
      });
      return found;
    };
    await h.send(personalMessage('monitoring', { from: users.consulent }));
    expect(ownerChoices(h.lastCard())).toEqual(['Sanne Bakker (ik)']);
    await h.send(channelMessage('monitoring', { from: users.teamleiderNoord }));
    expect(ownerChoices(h.lastCard())).toEqual(expect.arrayContaining(['Sanne Bakker', 'Daan Jansen']));
    const forColleague = await h.invoke(cardAction('monitoring.create', { kind: 'thuiszitter', caseReference: 'C-2026-0999', date: '2026-11-16', owner: users.consulent2.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
    expect(text(forColleague.value)).toContain('de teamleider van dat regioteam of het MT');
    expect(await h.db.query(`SELECT 1 FROM monitoring_items WHERE case_reference = 'C-2026-0999'`)).toEqual([]);
  });

  it('starts an item from the card; stage due dates are stored; the list shows it by due date', async () => {
    const reply = await h.invoke(cardAction('monitoring.create', { kind: 'overdracht-wijkteam', caseReference: 'C-2026-0412', date: '2026-10-27', owner: users.consulent.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
    expect(text(reply.value)).toContain('Monitoring gestart voor casus C-2026-0412');
    expect(text(reply.value)).toContain('di 24 nov 2026');
    const [item] = await h.db.query<{ id: number }>(`SELECT id FROM monitoring_items WHERE case_reference = 'C-2026-0412'`);
    const id = Number(item!.id);
    const stages = await h.db.query(`SELECT stage, due_on::text AS due_on, status FROM monitoring_stages WHERE item_id = $1 ORDER BY seq`, [id]);
    expect(stages).toEqual([{ stage: 'controle', due_on: '2026-11-24', status: 'pending' }, { stage: 'termijn', due_on: '2026-12-08', status: 'pending' }]);
    const trail = await h.db.query(`SELECT actor, action, details FROM audit_log WHERE subject = $1`, [`monitoring:${id}`]);
    expect(trail).toEqual([{ actor: users.consulent.aadObjectId, action: 'monitoring.create', details: { kind: 'overdracht-wijkteam' } }]);
    const bad = await h.invoke(cardAction('monitoring.create', { kind: 'thuiszitter', caseReference: 'Jan de Vries', date: '2026-10-27', owner: users.consulent.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
    expect(problemLines(bad.value).join(' ')).toContain('Casusnummer: een casusnummer bestaat uit cijfers');
  });

  it('refuses a second preventief gesprek for the same case in the same school year (1 Aug – 31 Jul)', async () => {
    const create = (date: string) =>
      h.invoke(cardAction('monitoring.create', { kind: 'preventief-gesprek', caseReference: 'P-2027-0001', date, owner: users.consulent4.aadObjectId, regioteam: 'zuid' }, { from: users.teamleiderZuid }));
    await h.send(personalMessage('menu', { from: users.consulent4 }));
    await h.db.query(`UPDATE people SET regioteam = 'zuid' WHERE aad_object_id = $1`, [users.consulent4.aadObjectId]);
    expect(text((await create('2027-01-11')).value)).toContain('Monitoring gestart');
    const second = await create('2027-07-31');
    expect(second.value).toContain('in schooljaar 2026-2027 al een preventief gesprek vastgelegd');
    expect(second.value).toContain('maximaal één keer per leerling per schooljaar');
    expect(text((await create('2027-08-01')).value)).toContain('Monitoring gestart');
    const rows = await h.db.query(`SELECT school_year FROM monitoring_items WHERE case_reference = 'P-2027-0001' ORDER BY id`);
    expect(rows).toEqual([{ school_year: '2026-2027' }, { school_year: '2027-2028' }]);
    // Two clicks at the same moment (two devices, a retry): one item, and the other gets the same Dutch refusal.
    const clicks = await Promise.all([0, 1].map(() => h.invoke(cardAction('monitoring.create', { kind: 'preventief-gesprek', caseReference: 'P-2027-0002', date: '2027-01-12', owner: users.consulent4.aadObjectId, regioteam: 'zuid' }, { from: users.teamleiderZuid }))));
    expect(clicks.map((c) => (text(c.value).includes('Monitoring gestart') ? 'started' : text(c.value).includes('al een preventief gesprek') ? 'refused' : text(c.value))).sort()).toEqual(['refused', 'started']);
    expect(await h.db.query(`SELECT count(*)::int AS n FROM monitoring_items WHERE case_reference = 'P-2027-0002'`)).toEqual([{ n: 1 }]);
  });

  it('posts one digest per linked channel per day, grouped per consulent, and each stage personally once', async () => {
    const ids = await seedWeek();
    connector.reset();
    expect(await fire('2026-11-24')).toBe(true);

    const digests = (await deliveries('monitoring:digest:%')).filter((d) => d.idempotency_key.endsWith('2026-11-24'));
    expect(digests.map((d) => [d.conversation_id, d.status])).toEqual([[teams.noord.channelId, 'sent'], [teams.zuid.channelId, 'sent']]);
    const posted = connector.delivered('send').filter((c) => c.conversationId === teams.noord.channelId);
    expect(posted).toHaveLength(1);
    const noord = text(cardOf(digests[0]!));
    expect(noord).toContain('Vandaag (2)');
    expect(noord).toContain('Later deze week (1)');
    // Grouped per consulent, alphabetical, case references only.
    expect(noord.indexOf('Daan Jansen')).toBeLessThan(noord.indexOf('C-2026-0377'));
    expect(noord.indexOf('C-2026-0377')).toBeLessThan(noord.indexOf('Sanne Bakker'));
    expect(noord.indexOf('Sanne Bakker')).toBeLessThan(noord.indexOf('C-2026-0412'));
    expect(noord).toContain('C-2026-0520 — Thuiszitter: Vier schoolweken thuis');
    expect(noord).not.toContain('Z-2026-0099');
    expect(text(cardOf(digests[1]!))).toContain('Z-2026-0099');

    const personal = (await deliveries('monitoring:%')).filter((d) => d.kind === 'personal');
    expect(personal.map((d) => [d.idempotency_key, d.recipient_aad, d.status])).toEqual([
      [`monitoring:${ids.overdracht}:controle`, users.consulent.aadObjectId, 'sent'],
      [`monitoring:${ids.noShow}:opvolgen`, users.consulent2.aadObjectId, 'sent'],
      [`monitoring:${ids.prev}:terugkoppeling`, users.consulent3.aadObjectId, 'sent'],
    ]);
    expect(text(cardOf(personal[0]!))).toContain('is de hulp gestart?');
    expect(text(cardOf(personal[0]!))).toContain('Hulp is gestart — afsluiten');
  });

  it('announces nothing twice: a second fire the same day and a restarted bot add no posts', async () => {
    await seedWeek();
    expect(await fire('2026-11-24')).toBe(true);
    const before = (await deliveries()).length;
    expect(await fire('2026-11-24', '08:00:00')).toBe(false); // the same fire already ran
    expect(await fire('2026-11-24', '14:00:00')).toBe(true);
    await h.app.close();
    h = await startHarness({ db: h.db, connector, clock: h.clock });
    expect(await fire('2026-11-24', '16:00:00')).toBe(true);
    expect((await deliveries()).length).toBe(before);
    const announced = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM monitoring_announcements WHERE run_date = '2026-11-24'`);
    expect(announced[0]!.n).toBe(3);
  });

  it('catches up after a two-day outage: stages due meanwhile are announced at the next run, marked late', async () => {
    const ids = await seedWeek();
    await fire('2026-11-24');
    const noShow2 = await add('no-show', 'C-2026-0600', '2026-11-24', users.consulent2); // due Wed 25
    // The bot is down on Wednesday 25 and Thursday 26 November.
    connector.reset();
    await fire('2026-11-27');
    const rows = await h.db.query(`SELECT item_id, stage, due_on::text AS due_on, run_date::text AS run_date, late FROM monitoring_announcements WHERE run_date = '2026-11-27' ORDER BY due_on`);
    expect(rows).toEqual([
      { item_id: noShow2, stage: 'opvolgen', due_on: '2026-11-25', run_date: '2026-11-27', late: true },
      { item_id: ids.thuis, stage: 'langdurig', due_on: '2026-11-26', run_date: '2026-11-27', late: true },
    ]);
    const personal = (await deliveries(`monitoring:${ids.thuis}:%`)).filter((d) => d.kind === 'personal');
    expect(personal).toHaveLength(1);
    expect(text(cardOf(personal[0]!))).toContain('Te laat gemeld');
    const [digest] = await deliveries('monitoring:digest:noord:2026-11-27');
    expect(text(cardOf(digest!))).toMatch(/Verlopen \(4\)/);
    expect(text(cardOf(digest!))).toContain('C-2026-0520 — Thuiszitter: Vier schoolweken thuis: dit is nu een langdurige thuiszitter. (do 26 nov 2026) · te laat gemeld');
  });

  it('skips weekends', async () => {
    await seedAfterOutage();
    expect(await fire('2026-11-28')).toBe(true);
    expect(await deliveries('monitoring:digest:%:2026-11-28')).toHaveLength(0);
  });

  it('each action updates the posted cards in place and is audited', async () => {
    const id = (await seedAfterOutage()).overdracht;
    const act = (verb: string, data: Record<string, unknown>, from: TestUser = users.consulent) => h.invoke(cardAction(verb, { itemId: id, ...data }, { from }));
    const updates = async () => (await deliveries(`monitoring:${id}:%`)).filter((d) => d.kind === 'update');
    (h.clock as ManualClock).set(new Date('2026-11-27T12:00:00+01:00')); // today's digest was posted at 08:00

    const noReason = await act('monitoring.extend', { newDate: '2026-12-04', reason: '' });
    expect(problemLines(noReason.value)).toEqual(['Reden: geef een reden voor de verlenging']);
    expect(input(noReason.value, 'newDate')).toEqual({ value: '2026-12-04', hidden: false });
    const refused = await act('monitoring.extend', { newDate: '2026-12-04', reason: 'wacht op intake' }, users.consulent3);
    expect(refused.value).toContain('Dit mag alleen de eigenaar van het item, de teamleider of het MT');

    const extended = await act('monitoring.extend', { newDate: '2026-12-04', reason: 'Intake wijkteam pas volgende week' });
    expect(text(extended.value)).toContain('Verlengd tot vr 4 dec 2026');
    let queued = await updates();
    expect(queued.map((d) => d.target_key)).toEqual([`monitoring:${id}:controle`]);
    await h.app.sender.settle();
    expect(connector.delivered('update').length).toBeGreaterThanOrEqual(1);

    connector.reset();
    const handed = await act('monitoring.handover', { newOwner: users.consulent2.aadObjectId });
    expect(text(handed.value)).toContain('Daan Jansen');
    const notice = (await deliveries(`monitoring:${id}:handover:%`))[0]!;
    expect(notice.recipient_aad).toBe(users.consulent2.aadObjectId);

    await h.send(personalMessage('menu', { from: users.teamleiderNoord }));
    const escalated = await act('monitoring.escalate', {}, users.consulent2);
    expect(text(escalated.value)).toContain('Geëscaleerd naar de teamleider');
    expect((await deliveries(`monitoring:${id}:escalation:%`)).map((d) => d.recipient_aad)).toEqual([users.teamleiderNoord.aadObjectId]);

    const closed = await act('monitoring.close', { outcome: 'hulp-gestart' }, users.consulent2);
    expect(text(closed.value)).toContain('Afgesloten: de hulp is gestart.');
    expect(text(closed.value)).not.toContain('monitoring.extend');
    queued = await updates();
    const lastVersion = queued.filter((d) => d.idempotency_key.endsWith(':update:5'));
    expect(lastVersion.map((d) => d.target_key).sort()).toEqual(
      [`monitoring:${id}:controle`, `monitoring:${id}:escalation:${users.teamleiderNoord.aadObjectId}`, `monitoring:${id}:handover:3`].sort(),
    );
    expect(text(cardOf(lastVersion[0]!))).toContain('Afgesloten: de hulp is gestart.');
    await h.app.sender.settle();
    expect(connector.delivered('update').length).toBeGreaterThanOrEqual(3);

    // The channel's digest of today is replaced too: the extended, then closed item has left it.
    const digestUpdates = await deliveries('monitoring:digest:noord:2026-11-27:update:%');
    expect(digestUpdates.length).toBe(4);
    expect(digestUpdates.every((d) => d.target_key === 'monitoring:digest:noord:2026-11-27')).toBe(true);
    expect(text(cardOf(digestUpdates.at(-1)!))).not.toContain('C-2026-0412');
    expect(text(cardOf((await deliveries('monitoring:digest:noord:2026-11-27'))[0]!))).toContain('C-2026-0412');

    const again = await act('monitoring.close', { outcome: 'afgerond' }, users.consulent2);
    expect(again.value).toContain('al afgesloten');
    const trail = await h.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject = $1 AND outcome = 'ok' ORDER BY id`, [`monitoring:${id}`]);
    expect(trail.map((t) => t.action)).toEqual(['monitoring.create', 'monitoring.extend', 'monitoring.handover', 'monitoring.escalate', 'monitoring.close']);
  });

  it('records a meeting for a vrijstelling (the −1 month reminder is dropped) and closes with "Afgerond"', async () => {
    const id = await add('vrijstelling-5a', 'C-2025-1187', '2027-05-31', users.consulent);
    const met = await h.invoke(cardAction('monitoring.meeting', { itemId: id }, { from: users.consulent }));
    expect(text(met.value)).toContain('Het overleg is vastgelegd.');
    const stages = await h.db.query(`SELECT stage, status FROM monitoring_stages WHERE item_id = $1 ORDER BY seq`, [id]);
    expect(stages).toEqual([{ stage: 'overleg', status: 'pending' }, { stage: 'herinnering', status: 'skipped' }]);
    const done = await h.invoke(cardAction('monitoring.close', { itemId: id, outcome: 'afgerond' }, { from: users.consulent }));
    expect(text(done.value)).toContain('Afgerond.');
    const trail = await h.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE subject = $1 ORDER BY id`, [`monitoring:${id}`]);
    expect(trail.map((t) => t.action)).toEqual(['monitoring.meeting', 'monitoring.complete']);
  });

  it('rejects a CSV with a bad date on line 7 as a whole, naming "regel 7"; a good file imports every row', async () => {
    const header = 'soort;casusnummer;datum;consulent;regioteam';
    const row = (n: number, date = '2027-01-11') => `thuiszitter;C-2027-${String(n).padStart(4, '0')};${date};${users.consulent.aadObjectId};noord`;
    const bad = [header, row(1), row(2), row(3), row(4), row(5), row(6, '2027-02-30'), row(7)].join('\n');
    let error: unknown;
    await importMonitoringCsv(h.db, h.config, bad).catch((e) => (error = e));
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as Error).message).toContain('regel 7: ongeldige datum "2027-02-30"');
    expect((error as Error).message).toContain('er is niets geïmporteerd');
    expect(await h.db.query(`SELECT id FROM monitoring_items WHERE source = 'import'`)).toHaveLength(0);

    const good = [header, row(1), row(2), `no-show;C-2027-0009;11-01-2027;${users.consulent2.aadObjectId};noord`].join('\n');
    expect(await importMonitoringCsv(h.db, h.config, good)).toEqual({ imported: 3 });
    const stored = await h.db.query(`SELECT case_reference, anchor_date::text AS anchor_date FROM monitoring_items WHERE source = 'import' ORDER BY id`);
    expect(stored).toEqual([
      { case_reference: 'C-2027-0001', anchor_date: '2027-01-11' },
      { case_reference: 'C-2027-0002', anchor_date: '2027-01-11' },
      { case_reference: 'C-2027-0009', anchor_date: '2027-01-11' },
    ]);
  });

  it('the daily selection uses the partial index on pending due dates (EXPLAIN)', async () => {
    const plan = await h.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`);
      const rows = await tx.query<Record<string, string>>(`EXPLAIN ${DUE_STAGES_SQL.replace('$1::date', `'2026-11-30'::date`)}`);
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    });
    expect(plan).toMatch(/monitoring_stages_due/);
  });

  it('reminds MT and beleid four weeks before the half-yearly evaluation, once', async () => {
    await fire('2027-02-15');
    await fire('2027-02-16');
    const rows = await deliveries('monitoring:evaluation:%');
    expect(rows.map((d) => d.recipient_aad).sort()).toEqual([users.beleid.aadObjectId, users.mt.aadObjectId].sort());
    // What each of them sees in their personal chat: the card rendered when it was sent.
    for (const person of [users.mt, users.beleid]) {
      const received = h.personalCards(person).map(text);
      expect(received.filter((card) => card.includes('Halfjaarlijkse evaluatie op ma 15 mrt 2027'))).toHaveLength(1);
    }
  });

  it('summarises for the dashboard: deadlines per week, overdue, on time and late', async () => {
    await seedAfterOutage();
    const summary = await monitoringSummary(h.db, h.config.office, new Date('2026-11-27T12:00:00+01:00'));
    expect(summary.perWeek).toHaveLength(8);
    expect(summary.perWeek[0]!.weekStart).toBe('2026-11-23');
    expect(summary.perWeek.map((w) => w.weekStart)).toContain('2027-01-11');
    expect(summary.late).toBeGreaterThanOrEqual(2);
    expect(summary.onTime).toBeGreaterThanOrEqual(3);
    expect(summary.overdue).toBeGreaterThanOrEqual(0);
  });

  it('purges closed items after the retention period and keeps the rest', async () => {
    const { overdracht } = await seedWeek();
    (h.clock as ManualClock).set(new Date('2026-11-27T12:00:00+01:00'));
    const closed = await h.invoke(cardAction('monitoring.close', { itemId: overdracht, outcome: 'hulp-gestart' }, { from: users.consulent }));
    expect(text(closed.value)).toContain('Afgesloten: de hulp is gestart.');
    const old = await add('no-show', 'C-2025-0001', '2025-09-01', users.consulent);
    await h.db.query(`UPDATE monitoring_items SET status = 'closed', closed_at = '2025-10-01T10:00:00Z' WHERE id = $1`, [old]);
    const openBefore = await h.db.query(`SELECT id FROM monitoring_items WHERE status = 'open'`);
    await h.app.scheduler.fire('monitoring.retention', new Date('2026-11-30T08:00:00+01:00'));
    expect(await h.db.query(`SELECT id FROM monitoring_items WHERE id = $1`, [old])).toHaveLength(0);
    expect(await h.db.query(`SELECT item_id FROM monitoring_stages WHERE item_id = $1`, [old])).toHaveLength(0);
    expect(await h.db.query(`SELECT id FROM monitoring_items WHERE status = 'open'`)).toHaveLength(openBefore.length);
    // Closed this week: kept.
    expect(await h.db.query(`SELECT id FROM monitoring_items WHERE status = 'closed'`)).not.toHaveLength(0);
  });
});
