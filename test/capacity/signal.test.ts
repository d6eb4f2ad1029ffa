import type { ManualClock } from '../../services/clock';
import { insertSnapshots } from '../../services/capacity/store/snapshots';
import { cardAction, teams } from '../fixtures/activities';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { act, startOffice } from '../status/helpers';
import { consulenten, monday, weekOfFigures } from './helpers';


/**
 * A simulated quarter of weekly werkdruk figures through the real HTTP path and the weekly job:
 * the office runs above its norm for five weeks, the MT gets one Capaciteitssignaal each, prepares
 * and publishes a statusaanpassing from it, capacity recovers, and the reverse signal follows.
 */

const text = (card: unknown) => JSON.stringify(card ?? {});
const mt = [users.mt, users.mt2, users.mt3];

/** Every input of a card with its value, as Teams sends them when the card is submitted. */
function inputValues(node: unknown, into: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(node)) node.forEach((n) => inputValues(n, into));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') into[o.id] = String(o.value ?? '');
    Object.values(o).forEach((v) => inputValues(v, into));
  }
  return into;
}

describe('capacity: a quarter of figures becomes a signal to the MT, a proposal, and the reverse signal', () => {
  let h: Harness;
  const signalCards = (user: TestUser, title: string) => h.personalCards(user).map(text).filter((c) => c.includes(`"text":"${title}"`));

  const week = (n: number, openCases: number) => weekOfFigures(h, n, openCases);

  beforeAll(async () => {
    h = await startOffice({});
  });
  afterAll(async () => {
    await h.close();
  });

  it('signals once per episode, opens the pre-filled proposal, publishes as before, and signals recovery', async () => {
    // Snapshots are kept for two years: a week older than that goes at the next weekly run.
    const old = (weekStart: string) => ({ regioteam: 'noord', weekStart, consulenten: 1, availableDays: 10, possibleDays: 10, openCases: 50, normCases: 60, newCases: 0, helpAsked: 0, helpUnanswered: 0, helpEscalated: 0, monitoringOverdue: 0 });
    await insertSnapshots(h.db, [old('2024-12-23'), old('2025-01-06')], new Date('2025-01-06T10:00:00+01:00'));
    await week(0, 60);
    expect((await h.db.query<{ w: string }>(`SELECT week_start::text AS w FROM capacity_snapshots WHERE week_start < '2026-01-01'`)).map((r) => r.w)).toEqual(['2025-01-06']);
    await week(1, 60);
    await week(2, 70); // 117 % of the norm: the episode starts
    await week(3, 70);
    for (const person of mt) expect(signalCards(person, 'Capaciteitssignaal')).toEqual([]);

    await week(4, 70); // the third week in a row
    for (const person of mt) {
      const cards = signalCards(person, 'Capaciteitssignaal');
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('week 3 t/m 5');
      expect(cards[0]).toContain('117 %');
      expect(cards[0]).toContain('Ring 3 gepauzeerd');
      expect(cards[0]).toContain('Regioteam Zuid');
    }
    // Nobody else gets it; the snapshots hold aggregates only.
    for (const [user] of consulenten) expect(signalCards(user, 'Capaciteitssignaal')).toEqual([]);
    const stored = await h.db.query<Record<string, unknown>>(`SELECT * FROM capacity_snapshots WHERE week_start = '2027-02-01' ORDER BY regioteam`);
    expect(stored.map((s) => [s.regioteam, s.consulenten, s.open_cases, s.norm_cases])).toEqual([['noord', 2, 140, 120], ['zuid', 2, 140, 120]]);
    expect(text(stored)).not.toContain(users.consulent.name);

    await week(5, 72);
    await week(6, 70);
    for (const person of mt) expect(signalCards(person, 'Capaciteitssignaal')).toHaveLength(1);
    const [signal] = await h.db.query<{ id: number }>(`SELECT id FROM capacity_signals WHERE kind = 'capacity'`);
    const audited = await h.db.query<{ action: string; subject: string }>(`SELECT action, subject FROM audit_log WHERE action LIKE 'capacity.%' ORDER BY id`);
    expect(audited).toEqual([{ action: 'capacity.signal', subject: `capacity-signal:${signal!.id}` }]);

    // A consulent cannot use the button; the MT member gets the ordinary proposal form, pre-filled.
    (h.clock as ManualClock).set(new Date(monday(6).getTime() + 3_600_000));
    const refused = await h.invoke(cardAction('capacity.prepare', { signalId: signal!.id }, { from: users.consulent }));
    expect(text(refused.value)).toContain('leden van het MT');
    const form = (await act(h, 'capacity.prepare', { signalId: signal!.id }, { from: users.mt })).value;
    const values = inputValues(form);
    expect(values.preset).toBe('ring3-gepauzeerd');
    expect(values.reasonCategory).toBe('capaciteit');
    expect(values.reason).toContain('Capaciteitssignaal');
    expect(values.reason).toContain('117 %');

    // The MT edits the evidence and fills in the rest; from here on it is the statusaanpassing flow as it always was.
    await act(h, 'status.preview', { ...values, reason: `${values.reason} Twee vacatures open.`, practiceImpact: 'Afmelden voor overleggen zonder directe betrokkenheid.' }, { from: users.mt });
    const [change] = await h.db.query<{ id: number; reason_category: string; preset: string }>(`SELECT id, reason_category, preset FROM status_changes`);
    expect(change).toMatchObject({ reason_category: 'capaciteit', preset: 'ring3-gepauzeerd' });
    await act(h, 'status.skipConsultation', { changeId: change!.id, skipReason: 'Capaciteitssignaal drie weken op rij.' }, { from: users.mt });
    await act(h, 'status.publish', { changeId: change!.id }, { from: users.mt });
    await h.app.sender.settle();
    const [published] = await h.db.query<{ state: string; start_date: string }>(`SELECT state, start_date::text AS start_date FROM status_changes WHERE id = $1`, [change!.id]);
    expect(published!.state).toBe('published');
    const announcements = h.cards((c) => !!c.conversationId && c.conversationId.includes(teams.noord.channelId)).map(text);
    expect(announcements.some((c) => c.includes('Ring 3 gepauzeerd') && c.includes('Gelezen'))).toBe(true);

    // Capacity recovers once the change is in force: three weeks back within the thresholds.
    await week(7, 55);
    await week(8, 55);
    for (const person of mt) expect(signalCards(person, 'Capaciteit hersteld')).toEqual([]);
    await week(9, 55);
    await week(10, 55);
    for (const person of mt) {
      const cards = signalCards(person, 'Capaciteit hersteld');
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('week 8 t/m 10');
      expect(cards[0]).toContain(`"changeId":${change!.id}`);
      expect(cards[0]).toContain('Nu beëindigen');
      // The capacity signal was not sent again.
      expect(signalCards(person, 'Capaciteitssignaal')).toHaveLength(1);
    }
    // A signal never changes the ring status by itself.
    const [still] = await h.db.query<{ state: string }>(`SELECT state FROM status_changes WHERE id = $1`, [change!.id]);
    expect(still!.state).toBe('published');
    // Every signal and every use of its button is in the audit log, the consulent's attempt as refused.
    expect((await h.db.query<{ action: string; outcome: string }>(`SELECT action, outcome FROM audit_log WHERE action LIKE 'capacity.%' ORDER BY id`)).map((a) => `${a.action} ${a.outcome}`))
      .toEqual(['capacity.signal ok', 'capacity.prepare refused', 'capacity.prepare ok', 'capacity.recovery ok']);
    // The MT ends the change early from the reverse signal's card.
    await act(h, 'status.endNow', { changeId: change!.id }, { from: users.mt2 });
    const [after] = await h.db.query<{ state: string }>(`SELECT state FROM status_changes WHERE id = $1`, [change!.id]);
    expect(after!.state).toBe('ended');
  });
});
