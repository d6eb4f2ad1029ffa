import { cardAction } from '../fixtures/activities';
import { mdoForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { CARD, click, readList, startOffice, taken, type Card } from './helpers';

/**
 * Meeting days well ahead of both the harness clock and the machine's own clock: the delivery queue
 * compares a reminder's not_before with the database's real time, so a reminder must stay queued.
 */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** "1 december 2026", as the list writes the day. */
const dayOf = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const ahead = (days: number) => {
  const day = new Date(Math.max(Date.now(), Date.parse('2026-11-24')) + days * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/** `taken`, MDO: the consulent's upcoming MDOs; the decision opened again, changed with a reason, or the MDO cancelled. */
describe('taken: MDO', () => {
  let h: Harness;
  const titles = (card: Card) => ((card.actions ?? []) as Card[]).map((a) => a.title);
  const reminders = () => h.db.query<{ idempotency_key: string }>(`SELECT idempotency_key FROM deliveries WHERE idempotency_key LIKE 'mdo:%:reminder' ORDER BY id`);
  const decide = async (form: Record<string, string>) => {
    const advice = await h.invoke(cardAction('mdo.advise', form, { from: users.consulent }));
    const id = (advice.value.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id;
    const decided = await h.invoke(cardAction('mdo.decide', { id, choice: 'accept', reminder: 'true' }, { from: users.consulent }));
    expect(decided.type).toBe(CARD);
    return Number(id);
  };

  beforeAll(async () => {
    h = await startOffice();
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens a decision again with its organiser message, changes it with a reason and cancels the MDO', async () => {
    const first = ahead(60);
    const second = ahead(62);
    const id = await decide({ ...mdoForm, date: first });
    const [decided] = await h.db.query<{ final_outcome: string }>(`SELECT final_outcome FROM mdo_decisions WHERE id = $1`, [id]);
    expect(decided!.final_outcome).toBe('online');
    expect(await reminders()).toEqual([{ idempotency_key: `mdo:${id}:reminder` }]);
    // An MDO still waiting for a decision is on the list too.
    await h.invoke(cardAction('mdo.advise', { ...mdoForm, date: second }, { from: users.consulent }));

    const list = readList(await taken(h, users.consulent));
    expect(list.rows.map((r) => [r.group, r.text, r.detail, r.buttons.map((b) => b.title)])).toEqual([
      ['MDO', expect.stringMatching(new RegExp(`^\\*\\*VIOS-overleg gemeente Houten\\*\\* · \\w+ ${dayOf(first)} om 14:00$`)), 'Besluit: Online deelnemen', ['Openen, wijzigen of bericht', 'Annuleren']],
      ['MDO', expect.stringMatching(new RegExp(`^\\*\\*VIOS-overleg gemeente Houten\\*\\* · \\w+ ${dayOf(second)} om 14:00$`)), 'Nog geen besluit (advies: Online deelnemen)', ['Besluiten']],
    ]);
    expect(readList(await taken(h, users.consulent2)).empty).toBe(true);

    // Open: the decided card again, with the organiser message and the ways to change it.
    const opened = await click(h, users.consulent, await taken(h, users.consulent), new RegExp(dayOf(first)), 'Openen, wijzigen of bericht');
    expect(JSON.stringify(opened.value)).toContain('Bericht voor de organisator');
    expect(titles(opened.value)).toEqual(['Besluit wijzigen', 'MDO annuleren', "Mijn MDO's", 'Nog een MDO']);
    // Only the owner may open, change or cancel it.
    for (const [verb, data] of [['mdo.open', { id }], ['mdo.change', { id, outcome: 'niet-deelnemen', reason: 'Geen tijd.' }], ['mdo.cancel', { id }]] as const) {
      const refused = await h.invoke(cardAction(verb, data, { from: users.consulent2 }));
      expect(refused.value).toContain('Dit mag alleen de consulent die dit besluit maakt');
    }

    // Change without a reason is refused in Dutch; with one, the card shows the new decision and the reminder is withdrawn.
    const noReason = await h.invoke(cardAction('mdo.change', { id, outcome: 'niet-deelnemen', reason: ' ' }, { from: users.consulent }));
    expect(noReason.value).toBe('Vul in waarom je het besluit wijzigt; dat is verplicht.');
    const changed = await h.invoke(cardAction('mdo.change', { id, outcome: 'niet-deelnemen', reason: 'Het overleg gaat over beleid, niet over onze casus.' }, { from: users.consulent }));
    const text = JSON.stringify(changed.value);
    expect(text).toContain('Besluit vastgelegd: Niet deelnemen');
    expect(text).toContain('Het besluit is gewijzigd.');
    expect(text).toContain('Reden: Het overleg gaat over beleid, niet over onze casus.');
    expect(await reminders()).toEqual([]);
    expect(readList(await taken(h, users.consulent)).rows[0]!.detail).toBe('Besluit: Niet deelnemen');
    // Back to online: the reminder is queued again.
    await h.invoke(cardAction('mdo.change', { id, outcome: 'online', reason: 'Toch een casus van mij op de agenda.' }, { from: users.consulent }));
    expect(await reminders()).toEqual([{ idempotency_key: `mdo:${id}:reminder` }]);

    // Cancel from the list: off the list, out of the figures, no reminder.
    const cancelled = await click(h, users.consulent, await taken(h, users.consulent), new RegExp(dayOf(first)), 'Annuleren');
    expect(readList(cancelled.value).message).toBe('✔ Het MDO is geannuleerd; een geplande herinnering vervalt. Laat de organisator weten dat het RBL niet komt.');
    expect(readList(cancelled.value).rows.map((r) => r.text)).toEqual([expect.stringContaining(dayOf(second))]);
    expect(await h.db.query(`SELECT status FROM mdo_decisions WHERE id = $1`, [id])).toEqual([{ status: 'cancelled' }]);
    expect(await reminders()).toEqual([]);
    expect(await h.db.query(`SELECT action FROM audit_log WHERE subject = $1 AND outcome = 'ok' ORDER BY id`, [`mdo:${id}`])).toEqual(
      ['mdo.advise', 'mdo.decide', 'mdo.change', 'mdo.change', 'mdo.cancel'].map((action) => ({ action })),
    );
    // An old card's button answers with what happened.
    const again = await h.invoke(cardAction('mdo.open', { id }, { from: users.consulent }));
    expect(again.value).toBe('Dit MDO is geannuleerd.');
  });
});
