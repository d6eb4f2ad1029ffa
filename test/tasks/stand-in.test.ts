import type { ManualClock } from '../../services/clock';
import { createItem } from '../../services/monitoring/actions/start';
import { cardAction, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm, mdoForm } from '../fixtures/forms';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { CARD, channelCard, click, readList, startOffice, taken, type Card } from './helpers';

/**
 * `taken` for a stand-in: while Sanne is away, Daan (her stand-in) sees her due stages, the offers
 * on her help request and her MDOs in a group of their own, and can act on them from there,
 * audited "namens"; nobody else can, and Daan no longer can once she is back. The week: Tuesday
 * 24 to Friday 27 November 2026, on the controllable clock.
 */

const { consulent: sanne, consulent2: daan, consulent4: milan, consulent3: noor, teamleiderNoord: ruben } = users;
const NAMENS = "Namens afwezige collega's";
const text = (value: unknown) => JSON.stringify(value ?? {});

describe('taken: namens afwezige collega\'s', () => {
  let h: Harness;
  const at = (iso: string, time: string) => (h.clock as ManualClock).set(new Date(`${iso}T${time}+01:00`));
  const record = (by: TestUser, person: TestUser, endsOn: string, standIn: TestUser | 'none', startsOn = '2026-11-24') =>
    h.invoke(cardAction('absence.record', { person: person.aadObjectId, kind: 'ziek', startsOn, endsOn, standIn: standIn === 'none' ? 'none' : standIn.aadObjectId }, { from: by }));
  const lastId = async (table: string) => Number((await h.db.query<{ id: number }>(`SELECT max(id) AS id FROM ${table}`))[0]!.id);
  const namens = (card: Card) => readList(card).rows.filter((r) => r.group === NAMENS);
  /** Ids restart per test; the audit log does not, so only this test's entries count. */
  let auditFrom = 0;
  const auditOf = (action: string, subject: string) =>
    h.db.query<{ actor: string; details: Record<string, unknown> }>(
      `SELECT actor, details FROM audit_log WHERE action = $1 AND subject = $2 AND outcome = 'ok' AND id > $3 ORDER BY id`, [action, subject, auditFrom]);

  /** The Accepteren buttons of a request card, by offer id, and the titles of its other buttons. */
  const requestButtons = (card: Card) => {
    const all: Card[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Card;
        if (n.type?.startsWith?.('Action.')) all.push(n);
        Object.values(n).forEach(walk);
      }
    };
    walk(card);
    return { accept: all.filter((a) => a.verb === 'caseload.accept').map((a) => Number(a.data.offerId)), others: all.filter((a) => a.verb !== 'caseload.accept').map((a) => a.title) };
  };
  /** The organiser message of a decided MDO card, as the consulent copies it. */
  const organiserMessage = (card: Card): string => {
    const found = JSON.stringify(card).match(/"id":"organiserMessage"[^}]*"value":"((?:[^"\\]|\\.)*)"/);
    return found ? (JSON.parse(`"${found[1]}"`) as string) : '';
  };
  /** Sanne's work: a stage due today, a request for two cases with offers by Milan and Ruben, an MDO during and one after her absence. */
  async function sannesWork() {
    await h.db.transaction((tx) => createItem(tx, h.config, { kind: 'no-show', caseReference: 'C-2026-0901', date: '2026-11-23', ownerAad: sanne.aadObjectId, regioteam: 'noord', createdBy: 'test' }));
    expect((await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseCount: '2' }, { from: sanne }))).type).toBe(CARD);
    const requestId = await lastId('help_requests');
    for (const helper of [milan, ruben]) expect((await h.invoke(cardAction('caseload.offer', { requestId, amount: '1' }, { from: helper, where: teams.noord }))).type).toBe(CARD);
    const mdos: number[] = [];
    for (const date of ['2026-11-26', '2026-12-10']) {
      const advice = await h.invoke(cardAction('mdo.advise', { ...mdoForm, date }, { from: sanne }));
      const id = (advice.value.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id;
      expect((await h.invoke(cardAction('mdo.decide', { id, choice: 'accept' }, { from: sanne }))).type).toBe(CARD);
      mdos.push(Number(id));
    }
    await h.app.sender.settle();
    const offers = await h.db.query<{ id: number; helper_aad: string }>(`SELECT id, helper_aad FROM help_offers WHERE request_id = $1 ORDER BY id`, [requestId]);
    const offerOf = (u: TestUser) => Number(offers.find((o) => o.helper_aad === u.aadObjectId)!.id);
    return { requestId, milansOffer: offerOf(milan), rubensOffer: offerOf(ruben), mdoDuring: mdos[0]!, mdoAfter: mdos[1]! };
  }

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.app.sender.settle();
    await h.db.query(`TRUNCATE absences, monitoring_items, help_offers, help_requests, mdo_decisions, deliveries RESTART IDENTITY CASCADE`);
    at('2026-11-24', '08:30:00');
    auditFrom = await lastId('audit_log');
    h.connector.reset();
  });

  it('shows the stand-in the absentee\'s items in their own group; accepting there is audited namens and updates the channel card; others and, after "terug", the stand-in are refused', async () => {
    const work = await sannesWork();
    expect(namens(await taken(h, daan))).toEqual([]);
    expect(text((await record(ruben, sanne, '2026-11-27', daan)).value)).toContain('Daan Jansen vervangt');
    at('2026-11-24', '09:30:00');

    const list = await taken(h, daan);
    expect(readList(list).groups).toContain(`${NAMENS} (4)`);
    expect(namens(list).map((r) => [r.text, r.detail, r.buttons.map((b) => b.title)])).toEqual([
      ['**Namens Sanne Bakker** · **C-2026-0901** · Niet verschenen op afspraak', 'Neem contact op en plan een nieuwe afspraak. · termijn op di 24 nov 2026 · Sanne Bakker is afwezig tot en met vr 27 nov 2026; jij vervangt', ['Afgerond', 'Openen']],
      [`**Namens Sanne Bakker** · **Ruben Visser biedt hulp aan** bij hulpvraag H-${work.requestId}`, '1 casus · wacht op akkoord · Sanne Bakker is afwezig tot en met vr 27 nov 2026; jij vervangt', ['Accepteren', 'Hulpvraag bekijken']],
      [`**Namens Sanne Bakker** · **Milan de Boer biedt hulp aan** bij hulpvraag H-${work.requestId}`, '1 casus · wacht op akkoord · Sanne Bakker is afwezig tot en met vr 27 nov 2026; jij vervangt', ['Accepteren', 'Hulpvraag bekijken']],
      [expect.stringMatching(/^\*\*Namens Sanne Bakker\*\* · \*\*VIOS-overleg gemeente Houten\*\* · \w+ 26 november 2026 om 14:00$/), 'Besluit: Online deelnemen · Sanne Bakker is afwezig tot en met vr 27 nov 2026; jij vervangt', ['Openen, wijzigen of bericht', 'Annuleren']],
    ]);
    // Nobody else gets Sanne's items: not Milan, not the teamleider (Daan is there), not Sanne's own consultation answers.
    for (const other of [milan, ruben, noor]) expect({ who: other.name, rows: namens(await taken(h, other)) }).toEqual({ who: other.name, rows: [] });

    // Milan (a colleague, and the helper himself) and Noor (another team) cannot accept on Sanne's behalf.
    for (const other of [milan, noor]) {
      const refused = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.milansOffer }, { from: other }));
      expect(text(refused.value)).toContain('Dit mag alleen de aanvrager of, zolang die afwezig is, wie de aanvrager vervangt');
    }

    // Daan accepts Milan's offer from his list: his list comes back, the channel card follows in place, Milan hears who accepted.
    h.connector.reset();
    const accepted = await click(h, daan, list, /Milan de Boer biedt hulp aan/, 'Accepteren');
    expect(accepted.type).toBe(CARD);
    expect(readList(accepted.value).message).toContain('✔ Aanbod geaccepteerd');
    expect(namens(accepted.value).map((r) => r.text)).not.toContainEqual(expect.stringContaining('Milan de Boer biedt hulp aan'));
    await h.app.sender.settle();
    const channel = channelCard(h, teams.noord, new RegExp(`H-${work.requestId}`));
    expect(channel?.op).toBe('update');
    expect(text(channel?.card)).toContain('Milan de Boer: 1 casus · ✔ geaccepteerd');
    expect(h.personalCards(milan).map(text).filter((c) => c.includes('heeft je aanbod geaccepteerd'))).toEqual([expect.stringContaining('Daan Jansen namens Sanne Bakker heeft je aanbod geaccepteerd')]);
    expect(await auditOf('caseload.accept', `helprequest:${work.requestId}`)).toEqual([
      { actor: daan.aadObjectId, details: { offerId: work.milansOffer, onBehalfOf: sanne.aadObjectId, absenceId: expect.any(Number) } },
    ]);
    expect(await h.db.query(`SELECT requester_aad FROM help_requests WHERE id = $1`, [work.requestId])).toEqual([{ requester_aad: sanne.aadObjectId }]);

    // Her MDO: Daan opens it and changes the decision, audited namens; the monitoring stage he closes from the list.
    const opened = await click(h, daan, await taken(h, daan), /VIOS-overleg/, 'Openen, wijzigen of bericht');
    expect(text(opened.value)).toContain('Bericht voor de organisator');
    const changed = await h.invoke(cardAction('mdo.change', { id: work.mdoDuring, outcome: 'schriftelijk', reason: 'Sanne is ziek; schriftelijke inbreng volstaat.' }, { from: daan }));
    expect(changed.type).toBe(CARD);
    expect(await auditOf('mdo.change', `mdo:${work.mdoDuring}`)).toEqual([{ actor: daan.aadObjectId, details: expect.objectContaining({ onBehalfOf: sanne.aadObjectId }) }]);
    // The MDO after her return waits for her: not on his list.
    expect(namens(await taken(h, daan)).some((r) => r.text.includes('10 december'))).toBe(false);
    const closed = await click(h, daan, await taken(h, daan), /C-2026-0901/, 'Afgerond');
    expect(closed.type).toBe(CARD);
    expect(namens(closed.value).map((r) => r.text)).toEqual([`**Namens Sanne Bakker** · **Ruben Visser biedt hulp aan** bij hulpvraag H-${work.requestId}`, expect.stringContaining('VIOS-overleg')]);

    // Sanne is back: the group is gone and Daan's buttons stop working; Sanne accepts herself.
    at('2026-11-25', '09:00:00');
    await h.send(personalMessage('terug', { from: sanne }));
    await h.app.sender.settle();
    expect(namens(await taken(h, daan))).toEqual([]);
    const late = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: daan }));
    expect(text(late.value)).toContain('Dit mag alleen de aanvrager of, zolang die afwezig is, wie de aanvrager vervangt');
    const lateMdo = await h.invoke(cardAction('mdo.open', { id: work.mdoDuring }, { from: daan }));
    expect(text(lateMdo.value)).toContain('Dit mag alleen de consulent die dit besluit maakt');
    expect((await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: sanne }))).type).toBe(CARD);
    // Her return card names what was done for her.
    const welcome = h.personalCards(sanne).map(text).filter((c) => c.includes('Welkom terug'));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toContain(`Hulpvraag H-${work.requestId}: hulpaanbod geaccepteerd door Daan Jansen`);
    expect(welcome[0]).toContain('MDO: besluit gewijzigd door Daan Jansen');
  });

  it('the teamleider sees the items the same way when the stand-in is away too, and acts namens; the stand-in away sees none', async () => {
    const work = await sannesWork();
    await record(ruben, sanne, '2026-11-27', daan);
    await record(ruben, daan, '2026-11-27', 'none');
    at('2026-11-24', '09:30:00');

    const rows = namens(await taken(h, ruben));
    // His own offer is not his to accept for her (request.accept): that is for the MT.
    expect(rows.map((r) => r.text)).toEqual([
      '**Namens Sanne Bakker** · **C-2026-0901** · Niet verschenen op afspraak',
      `**Namens Sanne Bakker** · **Milan de Boer biedt hulp aan** bij hulpvraag H-${work.requestId}`,
      expect.stringContaining('VIOS-overleg'),
    ]);
    expect(rows[0]!.detail).toContain('Sanne Bakker is afwezig tot en met vr 27 nov 2026; geen vervanger beschikbaar, dus jij als teamleider');
    expect(namens(await taken(h, daan))).toEqual([]);

    const accepted = await click(h, ruben, await taken(h, ruben), /Milan de Boer biedt hulp aan/, 'Accepteren');
    expect(accepted.type).toBe(CARD);
    expect(await auditOf('caseload.accept', `helprequest:${work.requestId}`)).toEqual([{ actor: ruben.aadObjectId, details: expect.objectContaining({ onBehalfOf: sanne.aadObjectId }) }]);
    const refused = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: daan }));
    expect(text(refused.value)).toContain('Dit mag alleen de aanvrager of, zolang die afwezig is, wie de aanvrager vervangt');
    // Ruben's own offer is not his to accept for her; no other teamleider of Noord, so the MT does.
    const own = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: ruben }));
    expect(own.value).toBe('Je vervangt Sanne Bakker als teamleider, maar dit aanbod is van jezelf: als vervanger accepteer je je eigen aanbod niet. Vraag het MT om het namens Sanne Bakker te accepteren, of laat het aan Sanne Bakker zelf als die terug is.');
    expect((await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: users.mt }))).type).toBe(CARD);
  });
  it('"Hulpvraag bekijken" gives the stand-in the Accepteren buttons namens the absentee, not her closing buttons; a second accept says who accepted and when', async () => {
    const work = await sannesWork();
    at('2026-11-24', '08:40:00');
    expect((await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.rubensOffer }, { from: sanne }))).type).toBe(CARD);
    await record(ruben, sanne, '2026-11-27', daan);
    at('2026-11-24', '09:30:00');

    const opened = await click(h, daan, await taken(h, daan), /Milan de Boer biedt hulp aan/, 'Hulpvraag bekijken');
    expect(opened.type).toBe(CARD);
    expect(requestButtons(opened.value).accept).toEqual([work.milansOffer]);
    expect(requestButtons(opened.value).others).not.toEqual(expect.arrayContaining(['Hulpvraag intrekken']));
    expect(requestButtons(opened.value).others).not.toContain('Afronden');
    expect(text(opened.value)).toContain('namens Sanne Bakker');
    // Milan (a colleague and the helper) still sees the colleague's view.
    const milans = await h.invoke(cardAction('caseload.refresh', { requestId: work.requestId }, { from: milan }));
    expect(requestButtons(milans.value).accept).toEqual([]);
    expect(text(milans.value)).not.toContain('namens Sanne Bakker');

    // Accepting on that card answers with the stand-in's view again.
    const accepted = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.milansOffer }, { from: daan }));
    expect(accepted.type).toBe(CARD);
    expect(text(accepted.value)).toContain('Milan de Boer: 1 casus · ✔ geaccepteerd');
    expect(text(accepted.value)).toContain('namens Sanne Bakker');
    expect(requestButtons(accepted.value).others).not.toEqual(expect.arrayContaining(['Afronden', 'Hulpvraag intrekken']));

    // Accepting again: who accepted, and when, in words for the reader.
    const again = async (who: TestUser, offerId: number) => (await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId }, { from: who }))).value;
    expect(await again(daan, work.milansOffer)).toBe('Dit aanbod is al geaccepteerd door jou namens Sanne Bakker, op di 24 nov om 09:30.');
    expect(await again(daan, work.rubensOffer)).toBe('Dit aanbod is al geaccepteerd door Sanne Bakker, op di 24 nov om 08:40.');
    at('2026-11-25', '09:00:00');
    await h.send(personalMessage('terug', { from: sanne }));
    expect(await again(sanne, work.milansOffer)).toBe('Dit aanbod is al geaccepteerd door Daan Jansen namens jou, op di 24 nov om 09:30.');
    expect(await again(sanne, work.rubensOffer)).toBe('Je hebt dit aanbod al geaccepteerd op di 24 nov om 08:40.');
  });

  it('a stand-in does not accept their own offer on the absentee\'s request: refused with who can, no Accepteren on it; the teamleider accepts it namens', async () => {
    const work = await sannesWork();
    // Daan offered before Sanne fell ill (Ruben withdrew his); then Daan became her stand-in.
    expect((await h.invoke(cardAction('caseload.withdrawOffer', { requestId: work.requestId }, { from: ruben, where: teams.noord }))).type).toBe(CARD);
    expect((await h.invoke(cardAction('caseload.offer', { requestId: work.requestId, amount: '1' }, { from: daan, where: teams.noord }))).type).toBe(CARD);
    const daansOffer = await lastId('help_offers');
    await record(ruben, sanne, '2026-11-27', daan);
    at('2026-11-24', '09:30:00');

    // His list and his view of the request offer Accepteren on the others' offers only, and say who accepts his.
    expect(namens(await taken(h, daan)).map((r) => r.text)).not.toContainEqual(expect.stringContaining('Daan Jansen biedt hulp aan'));
    const view = await h.invoke(cardAction('caseload.refresh', { requestId: work.requestId }, { from: daan, where: teams.noord, trigger: 'automatic' }));
    expect(requestButtons(view.value).accept).toEqual([work.milansOffer]);
    expect(text(view.value)).toContain('Je eigen aanbod accepteer je niet zelf: dat doet Ruben Visser (teamleider) namens Sanne Bakker.');

    // Clicking it anyway (an older card, a replayed payload) is refused, in words for him; nothing changes.
    const refused = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: daansOffer }, { from: daan }));
    expect(refused.value).toBe('Je vervangt Sanne Bakker, maar dit aanbod is van jezelf: als vervanger accepteer je je eigen aanbod niet. Vraag je teamleider Ruben Visser om het namens Sanne Bakker te accepteren, of laat het aan Sanne Bakker zelf als die terug is.');
    expect(await h.db.query(`SELECT status FROM help_offers WHERE id = $1`, [daansOffer])).toEqual([{ status: 'offered' }]);

    // Ruben (teamleider) sees Accepteren on Daan's offer only, and accepts it namens Sanne; Daan hears who accepted.
    const rubens = await h.invoke(cardAction('caseload.refresh', { requestId: work.requestId }, { from: ruben, where: teams.noord, trigger: 'automatic' }));
    expect(requestButtons(rubens.value).accept).toEqual([daansOffer]);
    expect(text(rubens.value)).toContain('Daan Jansen vervangt Sanne Bakker en bood zelf hulp aan: dat aanbod accepteer jij als teamleider namens Sanne Bakker.');
    h.connector.reset();
    expect((await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: daansOffer }, { from: ruben, where: teams.noord }))).type).toBe(CARD);
    await h.app.sender.settle();
    expect(h.personalCards(daan).map(text).filter((c) => c.includes('heeft je aanbod geaccepteerd'))).toEqual([expect.stringContaining('Ruben Visser namens Sanne Bakker heeft je aanbod geaccepteerd')]);
    expect(await auditOf('caseload.accept', `helprequest:${work.requestId}`)).toEqual([
      { actor: ruben.aadObjectId, details: { offerId: daansOffer, onBehalfOf: sanne.aadObjectId, absenceId: expect.any(Number) } },
    ]);
    // Other offers stay Daan's to accept, not Ruben's.
    const other = await h.invoke(cardAction('caseload.accept', { requestId: work.requestId, offerId: work.milansOffer }, { from: ruben }));
    expect(text(other.value)).toContain('Dit mag alleen de aanvrager of, zolang die afwezig is, wie de aanvrager vervangt');
  });

  it('the channel card of the absentee\'s request gives her stand-in a view of their own: Accepteren namens her, on the shared card itself', async () => {
    const work = await sannesWork();
    await record(ruben, sanne, '2026-11-27', daan);
    await h.app.sender.settle();
    at('2026-11-24', '09:30:00');

    // Recording the absence updates the card in place: Daan is among the people Teams asks a personal view for.
    const channel = channelCard(h, teams.noord, new RegExp(`H-${work.requestId}`))!;
    expect(channel.op).toBe('update');
    const refresh = channel.card.refresh as { action: { verb: string; data: Card }; userIds: string[] };
    expect(refresh.userIds).toEqual(expect.arrayContaining([sanne.id, daan.id, milan.id]));
    const view = await h.invoke(cardAction(refresh.action.verb, refresh.action.data, { from: daan, where: teams.noord, trigger: 'automatic' }));
    expect(requestButtons(view.value).accept.sort()).toEqual([work.milansOffer, work.rubensOffer].sort());
    expect(text(view.value)).toContain('Je vervangt Sanne Bakker: kies welk aanbod je namens Sanne Bakker accepteert.');
  });

  it('the list button on an MDO reminder that reached the stand-in opens the absentee\'s MDOs he looks after; once she is back, a Dutch refusal', async () => {
    const work = await sannesWork();
    await record(ruben, sanne, '2026-11-27', daan);
    at('2026-11-24', '09:30:00');
    // An MDO of hers with a reminder: it is due while she is away, so it reaches Daan.
    const advice = await h.invoke(cardAction('mdo.advise', { ...mdoForm, date: '2026-11-26' }, { from: sanne }));
    const id = (advice.value.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id;
    h.connector.reset();
    expect((await h.invoke(cardAction('mdo.decide', { id, choice: 'accept', reminder: true }, { from: sanne }))).type).toBe(CARD);
    await h.db.query(`UPDATE deliveries SET not_before = now() WHERE idempotency_key = $1`, [`mdo:${id}:reminder`]);
    await h.app.sender.settle();
    const reminder = h.personalCards(daan).find((c) => text(c).includes('Herinnering: VIOS-overleg'))!;
    expect(text(reminder)).toContain('Namens Sanne Bakker');
    expect(text(reminder)).toContain('Sanne Bakker heeft besloten: **Online deelnemen**.');
    // Its list button names whose MDOs it opens.
    const button = (reminder.actions as Card[]).find((a) => a.verb === 'mdo.list')!;
    expect(button.title).toBe("MDO's van Sanne Bakker");

    const opened = await h.invoke(cardAction(button.verb, button.data, { from: daan }));
    expect(opened.type).toBe(CARD);
    expect(text(opened.value)).toContain("MDO's van Sanne Bakker (jij vervangt)");
    expect(text(opened.value)).toContain('VIOS-overleg gemeente Houten');
    // The MDO after her last day waits for her: not in his view of her list.
    expect(text(opened.value)).not.toContain('10 dec');
    expect(text(opened.value)).toContain('Sanne Bakker is afwezig tot en met vr 27 nov 2026');
    // The decision card he opens from there has the same button.
    const decided = await h.invoke(cardAction('mdo.open', { id: work.mdoDuring }, { from: daan }));
    expect((decided.value.actions as Card[]).find((a) => a.verb === 'mdo.list')).toMatchObject({ title: "MDO's van Sanne Bakker", data: { person: sanne.aadObjectId } });
    // Sanne's own click on such a button shows her own list.
    expect(text((await h.invoke(cardAction(button.verb, button.data, { from: sanne }))).value)).toContain("Mijn komende MDO's");
    // Milan (not standing in) is refused in Dutch, and so is Daan once she is back.
    expect((await h.invoke(cardAction(button.verb, button.data, { from: milan }))).value).toBe("De MDO's van Sanne Bakker ziet alleen wie Sanne Bakker nu vervangt. Typ \"mdo overzicht\" voor je eigen MDO's.");
    await h.send(personalMessage('terug', { from: sanne }));
    expect((await h.invoke(cardAction(button.verb, button.data, { from: daan }))).value).toBe("De MDO's van Sanne Bakker ziet alleen wie Sanne Bakker nu vervangt. Typ \"mdo overzicht\" voor je eigen MDO's.");
  });

  it('the organiser message of an MDO the stand-in handles is signed namens the absentee; a later MDO stays hers unless the absence is open-ended', async () => {
    const work = await sannesWork();
    const own = await h.invoke(cardAction('mdo.open', { id: work.mdoDuring }, { from: sanne }));
    expect(organiserMessage(own.value)).toMatch(/Met vriendelijke groet,\nSanne Bakker\nRegionaal Bureau Leerlingzaken$/);
    await record(ruben, sanne, '2026-11-27', daan);
    at('2026-11-24', '09:30:00');

    const opened = await h.invoke(cardAction('mdo.open', { id: work.mdoDuring }, { from: daan }));
    expect(organiserMessage(opened.value)).toMatch(/Met vriendelijke groet,\nDaan Jansen, namens Sanne Bakker\nRegionaal Bureau Leerlingzaken$/);
    const changed = await h.invoke(cardAction('mdo.change', { id: work.mdoDuring, outcome: 'vertegenwoordigen', reason: 'Milan gaat al; hij vertegenwoordigt ons.' }, { from: daan }));
    expect(organiserMessage(changed.value)).toContain('Sanne Bakker neemt zelf niet deel.');
    expect(organiserMessage(changed.value)).toContain('Daan Jansen, namens Sanne Bakker');

    // The MDO on 10 December (after her last day) waits for her, by id too.
    for (const verb of ['mdo.open', 'mdo.cancel']) {
      const refused = await h.invoke(cardAction(verb, { id: work.mdoAfter }, { from: daan }));
      expect(refused.value).toBe('Dit MDO is op do 10 dec 2026, na de afwezigheid van Sanne Bakker (tot en met vr 27 nov 2026): dat laat je aan Sanne Bakker zelf.');
    }
    const refusedChange = await h.invoke(cardAction('mdo.change', { id: work.mdoAfter, outcome: 'schriftelijk', reason: 'Sanne is ziek.' }, { from: daan }));
    expect(text(refusedChange.value)).toContain('na de afwezigheid van Sanne Bakker');
    expect(await h.db.query(`SELECT status, final_outcome FROM mdo_decisions WHERE id = $1`, [work.mdoAfter])).toEqual([{ status: 'decided', final_outcome: 'online' }]);

    // Cancelling hers says whose list it leaves.
    const cancelled = await h.invoke(cardAction('mdo.cancel', { id: work.mdoDuring }, { from: daan }));
    expect(text(cancelled.value)).toContain('Het MDO staat niet meer in de lijst van Sanne Bakker');
    expect(text(cancelled.value)).not.toContain('je lijst');

    // Open-ended (nobody knows when she is back): every MDO of hers is his to handle.
    at('2026-11-24', '10:00:00');
    await h.send(personalMessage('terug', { from: sanne }));
    await record(ruben, sanne, '', daan);
    expect((await h.invoke(cardAction('mdo.open', { id: work.mdoAfter }, { from: daan }))).type).toBe(CARD);
    expect(namens(await taken(h, daan)).some((r) => r.text.includes('10 december'))).toBe(true);
  });
});
