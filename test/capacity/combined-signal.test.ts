import { capacitySummary } from '../../services/capacity/summary';
import { users, type TestUser } from '../fixtures/people';
import type { Harness } from '../harness/harness';
import { act, startOffice } from '../status/helpers';
import { weekOfFigures } from './helpers';

/**
 * Both signal rules start to hold in the same weeks (too many open cases and too few available days):
 * the MT gets one Capaciteitssignaal naming both reasons, not two cards, and not again the next week.
 */
describe('capacity: one signal when both rules hold from the same week', () => {
  let h: Harness;
  const mt = [users.mt, users.mt2, users.mt3];
  const signalCards = (user: TestUser) => h.personalCards(user).map((c) => JSON.stringify(c)).filter((c) => c.includes('"text":"Capaciteitssignaal"'));
  const BOTH = 'open casussen t.o.v. de norm boven 110 % en beschikbare capaciteit onder 85 %';

  beforeAll(async () => {
    h = await startOffice({});
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends one card per MT member with both reasons, and prepares a proposal that names both', async () => {
    await weekOfFigures(h, 0, 60);
    await weekOfFigures(h, 1, 60);
    // From week 2: 117 % of the norm and 3 of 10 days away (70 % available), for three weeks.
    for (const n of [2, 3, 4]) await weekOfFigures(h, n, 70, 3);
    for (const person of mt) {
      const cards = signalCards(person);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain(`Kantoorbreed ${BOTH}, drie weken op rij (week 3 t/m 5).`);
    }
    // The episode goes on: nothing new.
    await weekOfFigures(h, 5, 70, 3);
    for (const person of mt) expect(signalCards(person)).toHaveLength(1);

    // One signal in the audit log and in the evaluation; its button's proposal names both reasons.
    const audited = await h.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'capacity.signal'`);
    expect(audited).toHaveLength(1);
    const summary = await capacitySummary(h.db, h.config.office, { from: '2027-01-01', to: '2027-07-01', trendFrom: '2027-01-01', trendTo: '2027-07-01' });
    expect(summary.signals.map((s) => s.rules.map((r) => r.id))).toEqual([['open-boven-norm', 'capaciteit-onder']]);
    const signalId = Number(/"signalId":"?(\d+)/.exec(signalCards(users.mt)[0]!)![1]);
    const form = JSON.stringify((await act(h, 'capacity.prepare', { signalId }, { from: users.mt })).value);
    expect(form).toContain(BOTH);
  });
});
