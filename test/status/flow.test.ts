import type { ManualClock } from '../../services/clock';
import { getCurrentRingState } from '../../services/status/current';
import { statusSummary } from '../../services/status/summary';
import { cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import type { RecordedCall } from '../harness/fake-connector';
import { expectValidCard } from '../harness/card-validation';
import { cardsOf, type Harness } from '../harness/harness';
import { announcementOf, changeIds, driveTo, freshStatus, publishUrgent, startOffice } from './helpers';
import { input, problemLines } from '../forms/card-inputs';

const text = (card: unknown) => JSON.stringify(card ?? {});

/** The three big numbers on a consultation card: akkoord, zorgen, opmerking. */
function countsOn(card: Record<string, unknown>): string[] {
  const body = card.body as Array<{ type: string; columns?: Array<{ items: Array<{ text: string; size?: string }> }> }>;
  const row = body.find((b) => b.type === 'ColumnSet' && b.columns?.[0]?.items[0]?.size === 'Large');
  return row!.columns!.map((c) => c.items[0]!.text);
}

describe('statusaanpassing: the whole flow with four-eyes', () => {
  let h: Harness;
  const clock = () => h.clock as ManualClock;
  const posts = (conversationId: string, op = 'send') => h.connector.delivered(op).filter((c) => c.conversationId === conversationId);
  const lastCardIn = (calls: RecordedCall[]) => cardsOf(calls.at(-1)!)[0]!;

  beforeAll(async () => {
    h = await startOffice({ WENDBAAR_FOUR_EYES: 'true' });
  });
  beforeEach(async () => {
    await freshStatus(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives MT the statusProposal form and refuses a consulent in Dutch, naming who can', async () => {
    await h.send(personalMessage('statusaanpassing', { from: users.mt }));
    expect(text(h.lastCard())).toContain('Statusaanpassing voorbereiden');
    await h.send(personalMessage('statusaanpassing', { from: users.consulent }));
    expect(text(h.lastCard())).toContain('Dit mag alleen leden van het MT');
  });

  it('refuses a kern task set to "niet" and stores nothing', async () => {
    const answer = await h.invoke(cardAction('status.preview', { ...statusProposal, preset: 'per-taak', task_handhaving: 'niet' }, { from: users.mt }));
    expect(problemLines(answer.value).join(' ')).toContain('Taken in de kern kunnen nooit op "niet"');
    expect(await changeIds(h)).toEqual([]);
  });

  it('screens free text for personal data', async () => {
    const answer = await h.invoke(cardAction('status.preview', { ...statusProposal, reason: 'Uitval, bel 06-12345678' }, { from: users.mt }));
    expect(problemLines(answer.value).join(' ')).toContain('telefoonnummer');
    expect(input(answer.value, 'reason')?.value).toBe('Uitval, bel 06-12345678');
  });

  it('shows a before/after preview of the proposal', async () => {
    const preview = await h.invoke(cardAction('status.preview', statusProposal, { from: users.mt }));
    const card = text(preview.value);
    expect(card).toContain('Voorbeeld: Ring 3 gepauzeerd');
    expect(card).toContain('Straks');
    expect(card).toContain('Consultatie starten');
    const [changeId] = (await changeIds(h)) as [number];
    const [row] = await h.db.query<{ state: string; tasks: Record<string, string> }>(`SELECT state, tasks FROM status_changes WHERE id = $1`, [changeId]);
    expect(row).toMatchObject({ state: 'draft', tasks: expect.objectContaining({ 'mdo-zonder-betrokkenheid': 'niet', handhaving: 'normaal' }) });
  });

  it('refuses a consulent replaying the MT card payloads, and audits the refusal', async () => {
    const { changeId } = await driveTo(h, 'draft');
    for (const [verb, data] of [
      ['status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }],
      ['status.publish', { changeId }],
      ['status.confirm', { changeId }],
      ['status.preview', statusProposal],
    ] as const) {
      const answer = await h.invoke(cardAction(verb, data, { from: users.consulent }));
      expect(answer.value).toContain('Dit mag alleen leden van het MT');
    }
    const refused = await h.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE actor = $1 AND outcome = 'refused' ORDER BY id`, [users.consulent.aadObjectId]);
    expect(refused.map((r) => r.action)).toEqual(expect.arrayContaining(['status.consult', 'status.publish', 'status.confirm', 'status.preview']));
    const [row] = await h.db.query<{ state: string }>(`SELECT state FROM status_changes WHERE id = $1`, [changeId]);
    expect(row!.state).toBe('draft');
  });

  it('posts the statusProposal to both linked channels for consultation', async () => {
    const { changeId } = await driveTo(h, 'draft');
    const answer = await h.invoke(cardAction('status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }, { from: users.mt }));
    expect(text(answer.value)).toContain('Reacties bekijken');
    await h.app.sender.settle();
    for (const team of [teams.noord, teams.zuid]) {
      const card = lastCardIn(posts(team.channelId));
      expect(text(card)).toContain('Consultatie statusaanpassing: Ring 3 gepauzeerd');
      expect(countsOn(card)).toEqual(['0', '0', '0']);
    }
  });

  it('counts consultation answers in place in both channels; MT sees who answered what', async () => {
    const { changeId } = await driveTo(h, 'consulting');
    const mine = await h.invoke(cardAction('status.respond', { changeId, answer: 'akkoord', comment: 'Begrijpelijk.' }, { from: users.consulent, where: teams.noord }));
    expect(text(mine.value)).toContain('Je reactie (akkoord) is ontvangen');
    await h.invoke(cardAction('status.respond', { changeId, answer: 'zorgen', comment: 'Twee VIOS-overleggen in Zuid lopen door.' }, { from: users.consulent3, where: teams.zuid }));
    await h.invoke(cardAction('status.respond', { changeId, answer: 'opmerking', comment: 'Graag een format voor schriftelijke inbreng.' }, { from: users.consulent2, where: teams.noord }));
    // A second answer replaces the first.
    await h.invoke(cardAction('status.respond', { changeId, answer: 'zorgen', comment: 'Toch zorgen.' }, { from: users.consulent2, where: teams.noord }));
    await h.app.sender.settle();
    for (const team of [teams.noord, teams.zuid]) {
      // Queued updates of one card are coalesced (only the newest is sent), so how many arrive
      // depends on timing; what people see is the newest card.
      const updates = posts(team.channelId, 'update');
      expect(updates.length).toBeGreaterThanOrEqual(1);
      expect(countsOn(lastCardIn(updates))).toEqual(['1', '2', '0']);
    }
    const view = await h.invoke(cardAction('status.responses', { changeId }, { from: users.mt2 }));
    const card = text(view.value);
    expect(card).toContain('Sanne Bakker');
    expect(card).toContain('Twee VIOS-overleggen in Zuid lopen door.');
    expect(card).toContain('Toch zorgen.');
    const refused = await h.invoke(cardAction('status.responses', { changeId }, { from: users.consulent4, where: teams.zuid }));
    expect(refused.value).toContain('Dit mag alleen leden van het MT');
  });

  it('publishes only after a second, different MT member confirms (four-eyes)', async () => {
    const { changeId } = await driveTo(h, 'answered');
    h.connector.reset();
    const first = await h.invoke(cardAction('status.publish', { changeId }, { from: users.mt }));
    expect(text(first.value)).toContain('Een tweede MT-lid moet bevestigen');
    const self = await h.invoke(cardAction('status.confirm', { changeId }, { from: users.mt }));
    expect(self.value).toContain('een tweede, ander MT-lid');
    await h.app.sender.settle();
    // The other MT members get a personal card to confirm; nothing is announced yet.
    const personal = await h.db.query<{ recipient_aad: string }>(`SELECT recipient_aad FROM deliveries WHERE idempotency_key LIKE $1 ORDER BY recipient_aad`, [`status:${changeId}:confirm:%`]);
    expect(personal.map((p) => p.recipient_aad)).toEqual([users.mt2.aadObjectId, users.mt3.aadObjectId]);
    expect(h.cards().some((c) => text(c).includes('Bevestigen en publiceren'))).toBe(true);
    expect(h.cards().some((c) => text(c).includes('Statusaanpassing besloten'))).toBe(false);

    const confirmed = await h.invoke(cardAction('status.confirm', { changeId }, { from: users.mt2 }));
    expect(text(confirmed.value)).toContain('Besloten door Fatima El Amrani en Bram Vermeulen');
    const again = await h.invoke(cardAction('status.confirm', { changeId }, { from: users.mt3 }));
    expect(again.value).toContain('al besloten');
    const decisions = await h.db.query(`SELECT id FROM audit_log WHERE action = 'status.decide' AND subject = $1`, [`status:${changeId}`]);
    expect(decisions).toHaveLength(1);
  });

  it('announces the decision in both channels and counts acknowledgements in place', async () => {
    const { changeId } = await driveTo(h, 'published');
    await h.app.sender.settle();
    for (const team of [teams.noord, teams.zuid]) {
      const card = text(lastCardIn(posts(team.channelId)));
      expect(card).toContain('Statusaanpassing besloten door het MT');
      expect(card).toContain('Meld je af voor zorg- en veiligheidsoverleggen');
      // The four consulenten and both teamleiders; the MT is counted apart.
      expect(card).toContain("0 van de 6 collega's hebben het gelezen");
    }
    const announcementId = await announcementOf(h, changeId);
    const read = await h.invoke(cardAction('status.read', { announcementId }, { from: users.consulent, where: teams.noord }));
    expect(text(read.value)).toContain("1 van de 6 collega's heeft het gelezen");
    await h.invoke(cardAction('status.read', { announcementId }, { from: users.consulent, where: teams.noord }));
    await h.invoke(cardAction('status.read', { announcementId }, { from: users.consulent3, where: teams.zuid }));
    await h.app.sender.settle();
    for (const team of [teams.noord, teams.zuid]) expect(text(lastCardIn(posts(team.channelId, 'update')))).toContain("2 van de 6 collega's hebben het gelezen");

    const unread = await h.invoke(cardAction('status.unread', { announcementId }, { from: users.mt3 }));
    expect(text(unread.value)).toContain('Daan Jansen');
    expect(text(unread.value)).toContain('Milan de Boer');
    expect(text(unread.value)).not.toContain('Sanne Bakker');
  });

  it('reminds only the non-readers, once, after two working days', async () => {
    await driveTo(h, 'read');
    expect(await h.app.scheduler.fire('status.daily', new Date('2026-11-25T08:00:00+01:00'))).toBe(true);
    const reminders = () => h.db.query<{ recipient_aad: string }>(`SELECT recipient_aad FROM deliveries WHERE idempotency_key LIKE 'status:ann:%:remind:%' ORDER BY recipient_aad`);
    expect(await reminders()).toHaveLength(0);
    await h.app.scheduler.fire('status.daily', new Date('2026-11-26T08:00:00+01:00'));
    const nonReaders = [users.consulent2, users.consulent4, users.teamleiderNoord, users.teamleiderZuid].map((u) => u.aadObjectId).sort();
    expect((await reminders()).map((r) => r.recipient_aad)).toEqual(nonReaders);
    await h.app.scheduler.fire('status.daily', new Date('2026-11-27T08:00:00+01:00'));
    expect(await reminders()).toHaveLength(nonReaders.length);
    await h.app.sender.settle();
    expect(h.cards().some((c) => text(c).includes('Herinnering: je hebt deze aankondiging nog niet'))).toBe(true);
  });

  it('shows the new state to everyone from the start date', async () => {
    const { changeId } = await driveTo(h, 'published');
    clock().set('2026-12-02T09:00:00+01:00');
    await h.send(channelMessage('status', { from: users.consulent4, team: teams.zuid }));
    const card = text(h.lastCard());
    expect(card).toContain('Statusaanpassing \\"Ring 3 gepauzeerd\\" is van kracht');
    expect(card).toContain('Fatima El Amrani en Bram Vermeulen');
    const state = await getCurrentRingState(h.db, h.config.office, new Date('2026-12-02T09:00:00+01:00'));
    expect(state.tasks['mdo-zonder-betrokkenheid']).toBe('niet');
    expect(state.activeChange).toMatchObject({ id: changeId, endDate: '2027-03-01' });
  });

  it('sends the expiry card to the deciding MT members a week before the end, then daily after it; the state stays', async () => {
    const { changeId } = await driveTo(h, 'published');
    await h.app.scheduler.fire('status.daily', new Date('2027-02-22T08:00:00+01:00'));
    await h.app.scheduler.fire('status.daily', new Date('2027-02-23T08:00:00+01:00'));
    const notices = await h.db.query<{ recipient_aad: string }>(`SELECT recipient_aad FROM deliveries WHERE idempotency_key LIKE $1 ORDER BY recipient_aad`, [`status:${changeId}:expiry:%`]);
    expect(notices.map((n) => n.recipient_aad)).toEqual([users.mt.aadObjectId, users.mt2.aadObjectId]);
    await h.app.scheduler.fire('status.daily', new Date('2027-03-02T08:00:00+01:00'));
    await h.app.scheduler.fire('status.daily', new Date('2027-03-03T08:00:00+01:00'));
    const overdue = await h.db.query(`SELECT id FROM deliveries WHERE idempotency_key LIKE $1`, [`status:${changeId}:overdue:%`]);
    expect(overdue).toHaveLength(4);
    const state = await getCurrentRingState(h.db, h.config.office, new Date('2027-03-03T09:00:00+01:00'));
    expect(state.tasks['mdo-zonder-betrokkenheid']).toBe('niet');
    await h.app.sender.settle();
    expect(h.cards().some((c) => text(c).includes('Einddatum verstreken'))).toBe(true);
  });

  it('announces an extension in both channels and stops the overdue reminders', async () => {
    const { changeId } = await driveTo(h, 'expiryCards');
    clock().set('2027-03-03T10:00:00+01:00');
    h.connector.reset();
    const refused = await h.invoke(cardAction('status.extend', { changeId, newEndDate: '2027-05-01' }, { from: users.consulent }));
    expect(refused.value).toContain('Dit mag alleen leden van het MT');
    const answer = await h.invoke(cardAction('status.extend', { changeId, newEndDate: '2027-05-01' }, { from: users.mt2 }));
    expect(text(answer.value)).toContain('Verlenging aangekondigd');
    await h.app.sender.settle();
    for (const team of [teams.noord, teams.zuid]) {
      const card = text(lastCardIn(posts(team.channelId)));
      expect(card).toContain('Statusaanpassing verlengd');
      expect(card).toContain('za 1 mei 2027');
    }
    await h.app.scheduler.fire('status.daily', new Date('2027-03-04T08:00:00+01:00'));
    const overdue = await h.db.query(`SELECT id FROM deliveries WHERE idempotency_key LIKE $1`, [`status:${changeId}:overdue:%`]);
    expect(overdue).toHaveLength(4);
    const summary = await statusSummary(h.db, h.config.office, new Date('2027-03-04T09:00:00+01:00'));
    expect(summary.changes).toEqual([
      { id: changeId, title: 'Ring 3 gepauzeerd', startDate: '2026-12-01', endDate: '2027-05-01', decidedBy: ['Fatima El Amrani', 'Bram Vermeulen'], durationDays: 151 },
    ]);
  });

  it('lists the history and exports it; every step is in the audit log', async () => {
    const { changeId } = await driveTo(h, 'extended');
    await h.send(personalMessage('status geschiedenis', { from: users.consulent }));
    expect(text(h.lastCard())).toContain('Geschiedenis statusaanpassingen');
    // In the chat a short summary and a button to the Overzicht tab; the files download there.
    const exported = await h.invoke(cardAction('status.export', {}, { from: users.beleid }));
    const summary = text(exported.value);
    expect(summary).toContain('1 besluit');
    expect(summary).toContain('di 1 dec 2026');
    expect(summary).not.toContain('2026-12-01');
    expect(summary).not.toContain('|---|');
    expect(summary).toContain('Action.OpenUrl');
    const download = async (format: string) => {
      const response = await fetch(`${h.app.url}/api/overview/status/${format}`, { headers: { authorization: `Dev ${users.beleid.aadObjectId}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="statusaanpassingen-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
      return response.text();
    };
    const markdown = await download('md');
    expect(markdown).toContain('# Statusaanpassingen');
    expect(markdown).toContain('**Periode:** di 1 dec 2026 tot za 1 mei 2027 (verwacht)');
    expect(await download('csv')).toContain('"ingangsdatum"');
    for (const card of h.cards()) expectValidCard(card);
    const actions = await h.db.query<{ action: string }>(`SELECT DISTINCT action FROM audit_log WHERE subject = $1 AND outcome = 'ok'`, [`status:${changeId}`]);
    expect(actions.map((a) => a.action).sort()).toEqual(
      ['status.announce', 'status.consult', 'status.decide', 'status.decide.first', 'status.expiry.notice', 'status.expiry.overdue', 'status.extend', 'status.propose', 'status.read', 'status.remind', 'status.respond'].sort(),
    );
  });
});

describe('statusaanpassing: concurrent publishing and ending', () => {
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

  it('two MT members publishing the same statusProposal at once produce exactly one decision', async () => {
    await h.invoke(cardAction('status.preview', { ...statusProposal, preset: 'noodstand', startDate: '2026-11-24' }, { from: users.mt }));
    const [changeId] = (await changeIds(h)) as [number];
    const publishEarly = await h.invoke(cardAction('status.publish', { changeId }, { from: users.mt }));
    expect(publishEarly.value).toContain('Start eerst de consultatie');
    const skipped = await h.invoke(cardAction('status.skipConsultation', { changeId, skipReason: 'Acute uitval van vier collega\'s.' }, { from: users.mt }));
    expect(text(skipped.value)).toContain('Overgeslagen (spoed)');

    const answers = await Promise.all([
      h.invoke(cardAction('status.publish', { changeId }, { from: users.mt })),
      h.invoke(cardAction('status.publish', { changeId }, { from: users.mt2 })),
    ]);
    const published = answers.filter((a) => a.type === 'application/vnd.microsoft.card.adaptive');
    const refused = answers.filter((a) => a.type !== 'application/vnd.microsoft.card.adaptive');
    expect(published).toHaveLength(1);
    expect(refused[0]!.value).toContain('al besloten');
    const [row] = await h.db.query<{ decided_by: unknown[] }>(`SELECT decided_by FROM status_changes WHERE id = $1`, [changeId]);
    expect(row!.decided_by).toHaveLength(1);
    expect(await h.db.query(`SELECT id FROM status_announcements WHERE change_id = $1`, [changeId])).toHaveLength(1);
    expect((await getCurrentRingState(h.db, h.config.office, h.clock.now())).tasks['thuiszittersaanpak']).toBe('niet');
  });

  it('ends a change now: back to the previous state, announced the same way', async () => {
    const changeId = await publishUrgent(h, { preset: 'noodstand', startDate: '2026-11-24' });
    const answer = await h.invoke(cardAction('status.endNow', { changeId }, { from: users.mt3 }));
    expect(text(answer.value)).toContain('Statusaanpassing beëindigd');
    await h.app.sender.settle();
    expect(h.cards().filter((c) => text(c).includes('Statusaanpassing beëindigd')).length).toBeGreaterThanOrEqual(2);
    const state = await getCurrentRingState(h.db, h.config.office, h.clock.now());
    expect(state.tasks['thuiszittersaanpak']).toBe('normaal');
    await h.send(personalMessage('status', { from: users.consulent }));
    expect(text(h.lastCard())).toContain('terug naar de stand van vóór de aanpassing');
  });

  it('lets a change lapse on its end date by explicit MT choice, announced; until then it stays in force', async () => {
    await h.invoke(cardAction('status.preview', { ...statusProposal, startDate: '2026-11-24', endDate: '2026-12-10' }, { from: users.mt }));
    const changeId = (await changeIds(h)).at(-1)!;
    await h.invoke(cardAction('status.skipConsultation', { changeId, skipReason: 'Spoed: piek in meldingen.' }, { from: users.mt }));
    await h.invoke(cardAction('status.publish', { changeId }, { from: users.mt2 }));
    const answer = await h.invoke(cardAction('status.lapse', { changeId }, { from: users.mt2 }));
    expect(text(answer.value)).toContain('loopt af op');
    await h.app.sender.settle();
    expect(h.cards().some((c) => text(c).includes('Statusaanpassing loopt af'))).toBe(true);
    const during = await getCurrentRingState(h.db, h.config.office, new Date('2026-12-10T12:00:00+01:00'));
    expect(during.tasks['mdo-zonder-betrokkenheid']).toBe('niet');
    const after = await getCurrentRingState(h.db, h.config.office, new Date('2026-12-11T12:00:00+01:00'));
    expect(after.tasks['mdo-zonder-betrokkenheid']).toBe('normaal');
    expect(after.activeChange).toBeUndefined();
    await h.app.scheduler.fire('status.daily', new Date('2026-12-14T08:00:00+01:00'));
    expect(await h.db.query(`SELECT id FROM deliveries WHERE idempotency_key LIKE $1`, [`status:${changeId}:overdue:%`])).toHaveLength(0);
    for (const card of h.cards()) expectValidCard(card);
  });
});
