import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { mdoForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { expectValidCard } from '../harness/card-validation';
import { startHarness, type Harness } from '../harness/harness';

const textOf = (card: unknown) => JSON.stringify(card ?? {});

/** The id the advice card's buttons carry. */
function decisionId(card: Record<string, unknown>): string {
  const actions = card.actions as Array<{ verb?: string; data?: { id?: string } }>;
  return actions.find((a) => a.verb === 'mdo.decide')!.data!.id!;
}

describe('MDO participation decisions through Teams', () => {
  let h: Harness;
  const count = async () => (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mdo_decisions`))[0]!.n;

  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    // The consulent works in Regioteam Noord (first seen in its linked channel).
    await h.send(channelMessage('menu', { from: users.consulent }));
    await h.send(personalMessage('menu', { from: users.consulent2 }));
  });
  afterAll(async () => {
    await h.close();
  });
  // Posts queued by the previous test are delivered before the slate is cleaned.
  beforeEach(async () => {
    await h.app.sender.settle();
    h.connector.reset();
  });

  it('start → advice → override with a reason → message for the organiser, all stored and audited', async () => {
    await h.send(personalMessage('mdo', { from: users.consulent }));
    const form = h.lastCard()!;
    expectValidCard(form, 'mdo form');
    expect(textOf(form)).toContain('Wettelijke grondslag en gegevensuitwisseling');
    expect(textOf(form)).toContain('VIOS-overleg (per gemeente)');

    const advised = await h.invoke(cardAction('mdo.advise', mdoForm, { from: users.consulent }));
    expectValidCard(advised.value, 'mdo advice');
    expect(textOf(advised.value)).toContain('Advies: Online deelnemen');
    expect(textOf(advised.value)).toContain('Prioriteit: **Belangrijk**');
    expect(textOf(advised.value)).toContain("MDO's zonder directe betrokkenheid (ring 3): wordt normaal uitgevoerd");
    const id = decisionId(advised.value);

    // Deviating without a reason: the advice card comes back with a Dutch error, nothing decided.
    const noReason = await h.invoke(cardAction('mdo.decide', { id, choice: 'override', outcome: 'fysiek', reason: ' ' }, { from: users.consulent }));
    expect(textOf(noReason.value)).toContain('Reden: vul de reden in; dat is verplicht');
    expect(textOf(noReason.value)).toContain('"value":"fysiek"');
    expect((await h.db.query<{ status: string }>(`SELECT status FROM mdo_decisions WHERE id = $1`, [id]))[0]!.status).toBe('advised');

    const decided = await h.invoke(cardAction('mdo.decide', { id, choice: 'override', outcome: 'fysiek', reason: 'De gemeente vraagt expliciet om aanwezigheid bij dit overleg.', reminder: 'true' }, { from: users.consulent }));
    expectValidCard(decided.value, 'mdo decided');
    const card = textOf(decided.value);
    expect(card).toContain('Besluit vastgelegd: Fysiek deelnemen');
    expect(card).toContain('Je wijkt af van het advies (Online deelnemen)');
    expect(card).toContain('neemt op locatie deel aan dit overleg');
    expect(card).toContain('Sanne Bakker');
    expect(card).toContain('maandag 30 november 2026 om 09:00');

    const [row] = await h.db.query<Record<string, unknown>>(`SELECT * FROM mdo_decisions WHERE id = $1`, [id]);
    expect(row).toMatchObject({
      owner_aad: users.consulent.aadObjectId, regioteam: 'noord', status: 'decided', advised_outcome: 'online', final_outcome: 'fysiek',
      overridden: true, override_reason: 'De gemeente vraagt expliciet om aanwezigheid bij dit overleg.', category: 'belangrijk', hours_saved: 0,
    });
    expect((row!.inputs as { answers: { canOnline: boolean } }).answers.canOnline).toBe(true);
    expect((row!.ring_state as { tasks: Record<string, string> }).tasks['mdo-zonder-betrokkenheid']).toBe('normaal');
    const trail = await h.db.query<{ action: string; details: Record<string, unknown> }>(`SELECT action, details FROM audit_log WHERE subject = $1 ORDER BY id`, [`mdo:${id}`]);
    expect(trail.map((t) => t.action)).toEqual(['mdo.advise', 'mdo.decide']);
    expect(trail[0]!.details).toMatchObject({ category: 'belangrijk', outcome: 'online' });
    expect(trail[1]!.details).toMatchObject({ advised: 'online', final: 'fysiek', overridden: true, reminder: true });

    // The reminder is queued for 09:00 on the working day before and then reaches the consulent. (That
    // the queue holds a post until its moment is tested in test/delivery/delivery.test.ts: the queue
    // uses the database's clock, which this test's fixed date does not move.)
    const [reminder] = await h.db.query<{ kind: string; recipient_aad: string; not_before: Date }>(`SELECT kind, recipient_aad, not_before FROM deliveries WHERE idempotency_key = $1`, [`mdo:${id}:reminder`]);
    expect(reminder).toMatchObject({ kind: 'personal', recipient_aad: users.consulent.aadObjectId, not_before: new Date('2026-11-30T08:00:00Z') });
    await h.db.query(`UPDATE deliveries SET not_before = now() WHERE idempotency_key = $1`, [`mdo:${id}:reminder`]);
    await h.app.sender.settle();
    const sent = h.cards().find((c) => textOf(c).includes('Herinnering: VIOS-overleg gemeente Houten'));
    expect(sent).toBeDefined();
    expectValidCard(sent, 'mdo reminder');

    // A second click changes nothing.
    const again = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept' }, { from: users.consulent }));
    expect(textOf(again.value)).toContain('Dit besluit was al vastgelegd');
    expect((await h.db.query<{ final_outcome: string }>(`SELECT final_outcome FROM mdo_decisions WHERE id = $1`, [id]))[0]!.final_outcome).toBe('fysiek');
  });

  it('invalid or missing inputs: the form comes back with a Dutch error and the values kept; nothing stored', async () => {
    const before = await count();
    const missing = await h.invoke(cardAction('mdo.advise', { ...mdoForm, legalBasis: '', gemeente: '' }, { from: users.consulent }));
    const card = textOf(missing.value);
    expect(card).toContain('Controleer je invoer');
    expect(card).toContain('Grondslag en gegevensuitwisseling: kies ja, nee of onbekend');
    expect(card).toContain('Gemeente: vul de gemeente in');
    expect(card).toContain('"value":"Gemeente Houten"');
    expectValidCard(missing.value, 'mdo form with error');

    const bsn = await h.invoke(cardAction('mdo.advise', { ...mdoForm, involved: 'ja', caseRefs: '111222333' }, { from: users.consulent }));
    expect(textOf(bsn.value)).toContain('dit lijkt een BSN');
    const personal = await h.invoke(cardAction('mdo.advise', { ...mdoForm, organiser: 'Meester Jan, jan@school.nl' }, { from: users.consulent }));
    expect(textOf(personal.value)).toContain('een e-mailadres');
    expect(await count()).toBe(before);
  });

  it('personal data in the organiser or in a reason to deviate: the card comes back with the refusal and what was typed; nothing stored', async () => {
    const before = await count();
    const phone = await h.invoke(cardAction('mdo.advise', { ...mdoForm, organiser: 'Bel 06-12345678' }, { from: users.consulent }));
    expect(textOf(phone.value)).toContain('In \\"Organiserende organisatie\\" staat een telefoonnummer');
    expect(textOf(phone.value)).toContain('Noem alleen de organisatie');
    expect(textOf(phone.value)).toContain('"value":"Bel 06-12345678"');
    expect(textOf(phone.value)).toContain('"value":"Houten"');
    expectValidCard(phone.value, 'mdo form refused');
    expect(await count()).toBe(before);

    // After the evaluation period, so the team figures checked below stay as they are.
    const advised = await h.invoke(cardAction('mdo.advise', { ...mdoForm, date: '2027-04-06' }, { from: users.consulent }));
    const id = decisionId(advised.value);
    const reason = 'Moeder belde via 06-12345678';
    const refused = await h.invoke(cardAction('mdo.decide', { id, choice: 'override', outcome: 'fysiek', reason }, { from: users.consulent }));
    expect(textOf(refused.value)).toContain('In \\"Reden\\" staat een telefoonnummer');
    expect(textOf(refused.value)).toContain(`"value":"${reason}"`);
    expect(textOf(refused.value)).toContain('"value":"fysiek"');
    expectValidCard(refused.value, 'mdo advice refused');
    const [row] = await h.db.query<{ status: string; override_reason: string | null }>(`SELECT status, override_reason FROM mdo_decisions WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'advised', override_reason: null });
    // Following the advice stores no reason, so text left in the box is not screened.
    const accepted = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept', reason }, { from: users.consulent }));
    expect(textOf(accepted.value)).toContain('Je volgt het advies');
  });

  it("refuses a submit for another consulent's decision and keeps it unchanged", async () => {
    const advised = await h.invoke(cardAction('mdo.advise', { ...mdoForm, involved: 'ja', caseRefs: 'C-2026-0412', canOnline: 'nee' }, { from: users.consulent }));
    expect(textOf(advised.value)).toContain('Advies: Fysiek deelnemen');
    expect(textOf(advised.value)).toContain('Prioriteit: **Essentieel**');
    const id = decisionId(advised.value);

    for (const data of [{ id, choice: 'accept' }, { id, choice: 'override', outcome: 'niet-deelnemen', reason: 'Geen tijd.' }]) {
      const refused = await h.invoke(cardAction('mdo.decide', data, { from: users.consulent2 }));
      expect(refused.type).toBe('application/vnd.microsoft.activity.message');
      expect(refused.value).toContain('Dit mag alleen de consulent die dit besluit maakt');
    }
    const [row] = await h.db.query<{ status: string }>(`SELECT status FROM mdo_decisions WHERE id = $1`, [id]);
    expect(row!.status).toBe('advised');
    const refusals = await h.db.query(`SELECT 1 FROM audit_log WHERE actor = $1 AND action = 'mdo.decide' AND outcome = 'refused'`, [users.consulent2.aadObjectId]);
    expect(refusals).toHaveLength(2);

    const accepted = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept', reminder: 'false' }, { from: users.consulent }));
    expect(textOf(accepted.value)).toContain('Je volgt het advies');
    expect(textOf(accepted.value)).toContain('Geen herinnering ingepland');
  });

  it('a decision in a channel belongs to whoever submits the form', async () => {
    await h.send(channelMessage('mdo', { from: users.consulent }));
    expect(textOf(h.lastCard())).toContain('Dit besluit is persoonlijk');
    const advised = await h.invoke(cardAction('mdo.advise', { ...mdoForm, legalBasis: 'onbekend' }, { from: users.consulent2, where: teams.noord }));
    expect(textOf(advised.value)).toContain('Advies: Eerst juridische toets');
    const id = decisionId(advised.value);
    const [row] = await h.db.query<{ owner_aad: string }>(`SELECT owner_aad FROM mdo_decisions WHERE id = $1`, [id]);
    expect(row!.owner_aad).toBe(users.consulent2.aadObjectId);
    const refused = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept' }, { from: users.consulent, where: teams.noord }));
    expect(refused.value).toContain('Dit mag alleen');
    const decided = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept' }, { from: users.consulent2, where: teams.noord }));
    expect(textOf(decided.value)).toContain('privacy-officer');
  });

  it('"mdo overzicht": the consulent sees upcoming MDOs; the teamleider also sees the figures', async () => {
    await h.send(personalMessage('mdo overzicht', { from: users.consulent }));
    const own = textOf(h.lastCard());
    expect(own).toContain("Mijn komende MDO's");
    expect(own).toContain('VIOS-overleg gemeente Houten');
    expect(own).toContain('Fysiek deelnemen (afwijkend van het advies)');
    expect(own).not.toContain('Geschatte uren bespaard');

    await h.send(personalMessage('mdo overzicht', { from: users.teamleiderNoord }));
    const team = h.lastCard()!;
    expectValidCard(team, 'mdo overview team');
    expect(textOf(team)).toContain('MDO-besluiten Regioteam Noord');
    expect(textOf(team)).toContain('{"title":"Besluiten","value":"3"}');
    expect(textOf(team)).toContain('{"title":"Advies niet gevolgd","value":"1"}');
    expect(textOf(team)).toContain('{"title":"Fysiek deelnemen","value":"2"}');

    await h.send(personalMessage('mdo overzicht', { from: users.teamleiderZuid }));
    expect(textOf(h.lastCard())).toContain('{"title":"Besluiten","value":"0"}');
  });
});
