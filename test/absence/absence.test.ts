import { ownersStoodInFor, routingOf } from '../../services/absence/route';
import { roleSettingsFromEnv } from '../../services/authz';
import { saveFigures } from '../../services/caseload/store/figures';
import { ManualClock } from '../../services/clock';
import { createItem } from '../../services/monitoring/actions/start';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm } from '../fixtures/forms';
import { users, type TestUser } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

/**
 * Absence and stand-ins through the real paths: the `afwezig` card, the daily monitoring run and
 * the delivery sender with the controllable clock. The week: Monday 23 to Friday 27 November 2026.
 */

const text = (card: unknown) => JSON.stringify(card ?? {});
const { consulent: sanne, consulent2: daan, consulent4: milan, teamleiderNoord: ruben } = users;

describe('absence and stand-ins', () => {
  let h: Harness;
  const clock = () => h.clock as ManualClock;
  const at = (iso: string, time = '07:30:00') => clock().set(new Date(`${iso}T${time}+01:00`));

  const record = (by: TestUser, person: TestUser, startsOn: string, endsOn: string, standIn: TestUser | 'none', kind = 'ziek') =>
    h.invoke(cardAction('absence.record', { person: person.aadObjectId, kind, startsOn, endsOn, standIn: standIn === 'none' ? 'none' : standIn.aadObjectId }, { from: by }));
  const fire = async (job: string, iso: string) => {
    at(iso, '08:00:00');
    await h.app.scheduler.fire(job, new Date(`${iso}T08:00:00+01:00`));
    await h.app.sender.settle();
  };
  /** A no-show item of `owner`, whose only stage is due the working day after `date`. */
  const noShow = async (caseReference: string, date: string, owner: TestUser) => {
    await h.db.transaction((tx) => createItem(tx, h.config, { kind: 'no-show', caseReference, date, ownerAad: owner.aadObjectId, regioteam: 'noord', createdBy: 'test' }));
    return Number((await h.db.query<{ id: number }>(`SELECT id FROM monitoring_items WHERE case_reference = $1`, [caseReference]))[0]!.id);
  };
  const routing = () => routingOf({ roles: roleSettingsFromEnv(h.config.env), config: h.config });
  const received = (user: TestUser) => h.personalCards(user).map(text);
  const about = (user: TestUser, needle: string) => received(user).filter((c) => c.includes(needle));
  const digestOf = async (day: string) => {
    const [row] = await h.db.query<{ id: number }>(`SELECT id FROM deliveries WHERE idempotency_key = $1`, [`monitoring:digest:noord:${day}`]);
    return text(h.connector.delivered('send').find((c) => c.conversationId === teams.noord.channelId && text(c.body).includes('Monitoring Regioteam Noord'))?.body ?? (row ? 'queued, not sent' : ''));
  };

  beforeAll(async () => {
    h = await startHarness({ clock: new ManualClock(new Date('2026-11-23T09:00:00+01:00')) });
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: ruben }));
    for (const u of [sanne, daan, milan]) await h.send(channelMessage('menu', { from: u }));
    await h.send(channelMessage('menu', { from: users.consulent3, team: teams.zuid }));
    await h.send(personalMessage('menu', { from: users.mt }));
    await h.app.sender.settle();
  });
  beforeEach(async () => {
    await h.app.sender.settle();
    for (const table of ['absences', 'monitoring_items', 'help_offers', 'help_requests', 'deliveries', 'cron_runs', 'caseload_figures']) await h.db.query(`DELETE FROM ${table}`);
    at('2026-11-24');
    h.connector.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends an absentee\'s due stages to the stand-in, marked namens; the stand-in acts namens; one return card, then stages go to the owner again', async () => {
    const reply = await record(ruben, sanne, '2026-11-24', '2026-11-26', daan);
    expect(text(reply.value)).toContain('Afwezigheid van Sanne Bakker vastgelegd. Daan Jansen vervangt');
    const itemId = await noShow('C-2026-0801', '2026-11-23', sanne); // due Tuesday 24
    await noShow('C-2026-0802', '2026-11-26', sanne); // due Friday 27
    await fire('monitoring.daily', '2026-11-24');

    expect(about(daan, 'Je vervangt Sanne Bakker')).toHaveLength(1);
    const forDaan = about(daan, 'C-2026-0801');
    expect(forDaan).toHaveLength(1);
    expect(forDaan[0]).toContain('Namens Sanne Bakker');
    expect(forDaan[0]).toContain('Sanne Bakker is afwezig tot en met do 26 nov 2026; jij vervangt. Het item blijft van Sanne Bakker.');
    expect(received(sanne)).toEqual([]);
    expect(await digestOf('2026-11-24')).toContain('Sanne Bakker · afwezig, vervangen door Daan Jansen');
    // The post stays addressed to Sanne; a task list can ask whom Daan stands in for.
    expect(await h.db.query(`SELECT recipient_aad, on_behalf_of->>'via' AS via FROM deliveries WHERE idempotency_key LIKE 'monitoring:${itemId}:%'`))
      .toEqual([{ recipient_aad: sanne.aadObjectId, via: 'standIn' }]);
    expect(await ownersStoodInFor(h.db, routing(), daan.aadObjectId, clock().now())).toMatchObject([{ ownerAad: sanne.aadObjectId, via: 'standIn' }]);
    expect(await ownersStoodInFor(h.db, routing(), milan.aadObjectId, clock().now())).toEqual([]);

    // Daan closes it from the card that reached him: allowed, audited on Sanne's behalf, the item stays hers.
    at('2026-11-24', '10:00:00');
    const closed = await h.invoke(cardAction('monitoring.close', { itemId, outcome: 'afgerond' }, { from: daan }));
    expect(text(closed.value)).toContain('Afgerond.');
    const [entry] = await h.db.query<{ actor: string; details: Record<string, unknown> }>(`SELECT actor, details FROM audit_log WHERE action = 'monitoring.complete' AND subject = $1`, [`monitoring:${itemId}`]);
    expect(entry).toMatchObject({ actor: daan.aadObjectId, details: { onBehalfOf: sanne.aadObjectId } });
    expect(await h.db.query(`SELECT owner_aad FROM monitoring_items WHERE id = $1`, [itemId])).toEqual([{ owner_aad: sanne.aadObjectId }]);
    await h.app.sender.settle();
    const updated = h.connector.delivered('update').map((c) => text(c.body)).filter((b) => b.includes('C-2026-0801') && b.includes('Afgerond.'));
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((b) => b.includes('Namens Sanne Bakker'))).toBe(true);

    await fire('absence.returns', '2026-11-26'); // still away on her last day
    expect(received(sanne)).toEqual([]);

    await fire('absence.returns', '2026-11-27');
    await fire('monitoring.daily', '2026-11-27');
    const welcome = about(sanne, 'Welkom terug');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toContain('Je was afwezig van di 24 nov 2026 tot en met do 26 nov 2026.');
    expect(welcome[0]).toContain('C-2026-0801: afgerond door Daan Jansen');
    const friday = about(sanne, 'C-2026-0802').filter((c) => !c.includes('Welkom terug'));
    expect(friday).toHaveLength(1);
    expect(friday[0]).not.toContain('Namens');
    expect(about(daan, 'C-2026-0802')).toEqual([]);

    await fire('absence.returns', '2026-11-30');
    expect(about(sanne, 'Welkom terug')).toHaveLength(1);
  });

  it('falls through to the teamleider when the stand-in is away too, also when two stand in for each other', async () => {
    await record(ruben, sanne, '2026-11-24', '2026-11-27', daan);
    await record(daan, daan, '2026-11-24', '2026-11-27', sanne, 'verlof');
    await noShow('C-2026-0811', '2026-11-23', sanne);
    await noShow('C-2026-0812', '2026-11-23', daan);
    await fire('monitoring.daily', '2026-11-24');

    const forRuben = [...about(ruben, 'C-2026-0811'), ...about(ruben, 'C-2026-0812')];
    expect(forRuben).toHaveLength(2);
    expect(forRuben[0]).toContain('Namens Sanne Bakker');
    expect(forRuben[0]).toContain('er is geen vervanger beschikbaar (niet gekozen of zelf ook afwezig). Als teamleider krijg jij dit');
    expect(forRuben[1]).toContain('Namens Daan Jansen');
    expect(received(sanne).filter((c) => c.includes('C-2026-08'))).toEqual([]);
    expect(received(daan).filter((c) => c.includes('C-2026-08'))).toEqual([]);
    expect(await digestOf('2026-11-24')).toContain('Sanne Bakker · afwezig, vervangen door Ruben Visser');
  });

  it('with overlapping absences the one recorded last picks the stand-in, and the return card waits until both are over', async () => {
    await record(sanne, sanne, '2026-11-24', '2026-11-25', daan, 'verlof');
    await record(ruben, sanne, '2026-11-25', '2026-11-27', milan);
    await noShow('C-2026-0821', '2026-11-23', sanne); // due Tuesday
    await noShow('C-2026-0822', '2026-11-24', sanne); // due Wednesday
    await fire('monitoring.daily', '2026-11-24');
    await fire('monitoring.daily', '2026-11-25');
    expect(about(daan, 'C-2026-0821')).toHaveLength(1);
    expect(about(milan, 'C-2026-0822')).toHaveLength(1);
    expect(about(daan, 'C-2026-0822')).toEqual([]);

    await fire('absence.returns', '2026-11-26'); // the first is over, the second is not
    expect(about(sanne, 'Welkom terug')).toEqual([]);
    await fire('absence.returns', '2026-11-30');
    const welcome = about(sanne, 'Welkom terug');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toContain('Je was afwezig van di 24 nov 2026 tot en met vr 27 nov 2026.');
    expect(welcome[0]).toContain('2 meldingen gingen in die tijd naar je vervanger of teamleider.');
  });

  it('an absence ending on a stage\'s due day: "terug" brings the return card at once and the stand-in\'s buttons stop working', async () => {
    await record(ruben, sanne, '2026-11-24', '', daan);
    const itemId = await noShow('C-2026-0831', '2026-11-23', sanne);
    await fire('monitoring.daily', '2026-11-24');
    expect(about(daan, 'C-2026-0831')).toHaveLength(1);

    at('2026-11-24', '13:00:00');
    await h.send(personalMessage('terug', { from: sanne }));
    expect(text(h.connector.delivered('reply').at(-1)?.body)).toContain('Welkom terug! Je meldingen komen vanaf nu weer bij jou');
    await h.app.sender.settle();
    const welcome = about(sanne, 'Welkom terug');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toContain('C-2026-0831 · Niet verschenen op afspraak');
    expect(welcome[0]).toContain('"verb":"monitoring.open"');

    const refused = await h.invoke(cardAction('monitoring.close', { itemId, outcome: 'afgerond' }, { from: daan }));
    expect(text(refused.value)).toContain('Dit mag alleen de eigenaar van het item');
    const own = await h.invoke(cardAction('monitoring.close', { itemId, outcome: 'afgerond' }, { from: sanne }));
    expect(text(own.value)).toContain('Afgerond.');

    await fire('absence.returns', '2026-11-25');
    expect(about(sanne, 'Welkom terug')).toHaveLength(1);
    await h.send(personalMessage('terug', { from: sanne }));
    expect(text(h.connector.delivered('reply').at(-1)?.body)).toContain('Je staat nu niet als afwezig geregistreerd');
  });

  it('an offer on an absentee\'s help request reaches the stand-in, marked namens', async () => {
    await h.invoke(cardAction('caseload.request', helpRequestForm, { from: sanne }));
    const [request] = await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM help_requests`);
    await record(ruben, sanne, '2026-11-24', '2026-11-27', milan);
    await h.app.sender.settle();
    h.connector.reset();
    await h.invoke(cardAction('caseload.offer', { requestId: Number(request!.id), amount: '1' }, { from: daan, where: teams.noord }));
    await h.app.sender.settle();
    const offers = about(milan, 'Daan Jansen');
    expect(offers).toHaveLength(1);
    expect(offers[0]).toContain('Namens Sanne Bakker');
    expect(received(sanne)).toEqual([]);
  });

  it('a colleague whose regioteam Wendbaar does not know yet is told how to fix that, not shown a form without a name', async () => {
    // Lotte has only chatted with Wendbaar personally: no team, so no stand-ins and no teamleider to fall back on.
    await h.send(personalMessage('afwezig', { from: users.doorstroomcoach }));
    const card = text(h.lastCard());
    expect(card).toContain('Wendbaar weet nog niet in welk regioteam je werkt');
    expect(card).toContain('vraag je teamleider');
    expect(card).not.toContain('"verb":"absence.record"');
    expect(card).not.toContain('"id":"person"');
    // A colleague whose team is known gets the form with themself chosen.
    h.connector.reset();
    await h.send(personalMessage('afwezig', { from: sanne }));
    const form = text(h.lastCard());
    expect(form).toContain('"verb":"absence.record"');
    expect(form).toContain(`"value":"${sanne.aadObjectId}"`);
    expect(form).toContain('Sanne Bakker (ik)');
  });

  it('lets a consulent record only their own absence; the teamleider and the MT record it for others', async () => {
    const forColleague = await record(sanne, daan, '2026-11-24', '2026-11-26', sanne);
    expect(text(forColleague.value)).toContain('Dit mag alleen de consulent zelf (voor de eigen afwezigheid), de teamleider van het regioteam of het MT');
    const otherTeam = await record(sanne, sanne, '2026-11-24', '2026-11-26', users.consulent3);
    expect(text(otherTeam.value)).toContain('Kies een vervanger uit het regioteam van Sanne Bakker.');
    const past = await record(sanne, sanne, '2026-11-20', '2026-11-26', daan);
    expect(text(past.value)).toContain('kan niet in het verleden liggen');
    expect(await h.db.query(`SELECT id FROM absences`)).toEqual([]);

    expect(text((await record(users.mt, daan, '2026-11-25', '2026-11-26', 'none')).value)).toContain('Er is geen vervanger: de teamleider krijgt de meldingen.');
    expect(text((await record(sanne, sanne, '2026-11-25', '2026-11-26', milan, 'verlof')).value)).toContain('Milan de Boer vervangt');
    const trail = await h.db.query<{ actor: string; details: { person: string } }>(`SELECT actor, details FROM audit_log WHERE action = 'absence.record' AND outcome = 'ok' ORDER BY id DESC LIMIT 2`);
    expect(trail.map((r) => [r.actor, r.details.person])).toEqual([[sanne.aadObjectId, sanne.aadObjectId], [users.mt.aadObjectId, daan.aadObjectId]]);
  });

  it('proposes the buffer colleague with the most room; absence days count in the workload and the absentee has no room', async () => {
    const figures = (open: number, isBuffer: boolean) => ({ openCases: open, complexCases: 2, newThisWeek: 1, absentDays: 0, isBuffer });
    await saveFigures(h.db, sanne.aadObjectId, figures(68, false), 'card', clock().now());
    await saveFigures(h.db, daan.aadObjectId, figures(41, true), 'card', clock().now());
    await saveFigures(h.db, milan.aadObjectId, figures(30, true), 'card', clock().now());
    await h.send(personalMessage('afwezig', { from: sanne }));
    expect(text(h.lastCard())).toContain('Milan de Boer (buffercollega met de meeste ruimte)');
    expect(text(h.lastCard())).toMatch(/"id":"standIn","label":"Vervanger","value":"aad-consulent-4"/);

    await record(ruben, milan, '2026-11-24', '2026-11-27', 'none', 'verlof');
    await h.send(personalMessage('werkdruk team', { from: ruben }));
    const team = text(h.lastCard());
    expect(team).toMatch(/Milan de Boer.*?buffer · nu afwezig · 4 dagen afwezig/);
    expect(team).toMatch(/"title":"Ruimte om te helpen","value":"Daan Jansen"/);
    await h.send(personalMessage('afwezig', { from: sanne }));
    expect(text(h.lastCard())).toContain('Daan Jansen (buffercollega met de meeste ruimte)');
  });
});
