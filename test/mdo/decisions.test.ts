import { defaultOfficeInput, parseOffice } from '../../config/office';
import type { ExecutionStatus } from '../../config/rings';
import { resolveActor } from '../../services/authz';
import { decideMdo, recordMdoAdvice } from '../../services/mdo/decisions';
import { emptyMdoForm, parseMdoForm, type ParsedMdoForm } from '../../services/mdo/form';
import { mdoSummary } from '../../services/mdo/summary';
import { getCurrentRingState, type RingState } from '../../services/status/current';
import { openTestDatabase, type TestDatabase } from '../harness/test-db';

jest.mock('../../services/status/current', () => ({ getCurrentRingState: jest.fn() }));
const ringState = getCurrentRingState as jest.MockedFunction<typeof getCurrentRingState>;

const office = parseOffice(defaultOfficeInput);
const zone = 'Europe/Amsterdam';
const now = new Date('2026-11-24T08:00:00Z');
const roles = { mt: [], beleid: [], teamleiders: {} };
const sanne = resolveActor({ aadObjectId: 'aad-sanne', name: 'Sanne Bakker', regioteam: 'noord' }, roles);
const daan = resolveActor({ aadObjectId: 'aad-daan', name: 'Daan Jansen', regioteam: 'zuid' }, roles);
const ring = (tasks: Record<string, ExecutionStatus> = {}): RingState => ({
  tasks: { ...Object.fromEntries(office.rings.tasks.map((t) => [t.id, 'normaal' as ExecutionStatus])), ...tasks },
  ...(Object.keys(tasks).length ? { activeChange: { id: 7, title: 'Krapte winter', startDate: '2026-11-23', reason: 'vacatures' } } : {}),
});

function form(overrides: Record<string, string> = {}): ParsedMdoForm {
  const result = parseMdoForm({
    ...emptyMdoForm(), type: 'vios', gemeente: 'Houten', date: '2026-12-01', time: '14:00', organiser: 'Gemeente Houten', involved: 'nee',
    legalBasis: 'ja', coreTasks: 'ja', concreteActions: 'ja', canOnline: 'ja', colleagueGoing: 'nee', writtenEnough: 'nee', ...overrides,
  }, { catalogue: office.mdoCatalogue, now, zone });
  if (!result.ok) throw new Error(result.error);
  return result.form;
}

const decide = (db: TestDatabase['db'], id: number, request: Parameters<typeof decideMdo>[1]['request'], extra: { reminder?: boolean; actor?: typeof sanne; at?: Date } = {}) =>
  decideMdo(db, { actor: extra.actor ?? sanne, office, zone, id, request, reminder: extra.reminder ?? false, now: extra.at ?? now, reminderPayload: () => ({ text: 'herinnering' }) });

describe('MDO decisions (service)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => ringState.mockResolvedValue(ring()));

  it('asks for the ring state on the meeting date and stores it with the advice', async () => {
    const row = await recordMdoAdvice(t.db, { actor: sanne, office, form: form(), now });
    expect(ringState).toHaveBeenLastCalledWith(expect.anything(), office, new Date('2026-12-01T13:00:00Z'));
    expect(row).toMatchObject({ owner_aad: 'aad-sanne', regioteam: 'noord', status: 'advised', advised_outcome: 'online', category: 'belangrijk' });
  });

  it('shows the new advice instead of deciding when ring 3 was paused in between, then decides on it', async () => {
    const row = await recordMdoAdvice(t.db, { actor: sanne, office, form: form(), now });
    ringState.mockResolvedValue(ring({ 'mdo-zonder-betrokkenheid': 'niet' }));
    const changed = await decide(t.db, row.id, { choice: 'accept' });
    expect(changed.kind).toBe('advice-changed');
    expect(changed.row.advised_outcome).toBe('niet-deelnemen');
    const decided = await decide(t.db, row.id, { choice: 'accept' });
    expect(decided).toMatchObject({ kind: 'decided', row: { final_outcome: 'niet-deelnemen', overridden: false, hours_saved: 2 } });
    expect(decided.row.ring_state.activeChange?.title).toBe('Krapte winter');
  });

  it('refuses another consulent, whatever the request says', async () => {
    const row = await recordMdoAdvice(t.db, { actor: sanne, office, form: form(), now });
    await expect(decide(t.db, row.id, { choice: 'accept' }, { actor: daan })).rejects.toThrow('Dit mag alleen de consulent die dit besluit maakt');
    await expect(decide(t.db, 999999, { choice: 'accept' })).rejects.toThrow('bestaat niet');
  });

  it('an override needs a known outcome and a reason', async () => {
    const row = await recordMdoAdvice(t.db, { actor: sanne, office, form: form(), now });
    expect(await decide(t.db, row.id, { choice: 'override', outcome: 'ergens', reason: 'x' })).toMatchObject({ kind: 'invalid', error: 'Kies wat je in plaats van het advies doet.' });
    expect(await decide(t.db, row.id, { choice: 'override', outcome: 'fysiek' })).toMatchObject({ kind: 'invalid' });
    const ok = await decide(t.db, row.id, { choice: 'override', outcome: 'vertegenwoordigen', reason: 'Collega van Zuid gaat toch.' });
    expect(ok).toMatchObject({ kind: 'decided', row: { final_outcome: 'vertegenwoordigen', overridden: true, hours_saved: 2 } });
  });

  it('plans no reminder when the working day before has passed, and none when not attending', async () => {
    const soon = await recordMdoAdvice(t.db, { actor: sanne, office, form: form({ date: '2026-11-25' }), now });
    expect((await decide(t.db, soon.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toBeNull();
    const written = await recordMdoAdvice(t.db, { actor: sanne, office, form: form({ writtenEnough: 'ja' }), now });
    expect((await decide(t.db, written.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toBeNull();
    const monday = await recordMdoAdvice(t.db, { actor: sanne, office, form: form({ date: '2026-12-07' }), now });
    expect((await decide(t.db, monday.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toEqual(new Date('2026-12-04T08:00:00Z'));
    const keys = await t.db.query<{ idempotency_key: string }>(`SELECT idempotency_key FROM deliveries WHERE idempotency_key LIKE 'mdo:%'`);
    expect(keys).toEqual([{ idempotency_key: `mdo:${monday.id}:reminder` }]);
  });

  it('sums decided MDOs in a period for the dashboard, per regioteam when asked', async () => {
    const zuid = await recordMdoAdvice(t.db, { actor: daan, office, form: form({ type: 'thematisch', gemeente: '', concreteReason: 'nee' }), now });
    await decide(t.db, zuid.id, { choice: 'accept' }, { actor: daan });
    const period = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    const all = await mdoSummary(t.db, period);
    expect(all).toEqual({
      total: 6,
      byType: { vios: 5, thematisch: 1 },
      byCategory: { belangrijk: 5, 'laag-urgent': 1 },
      byOutcome: { 'niet-deelnemen': 2, vertegenwoordigen: 1, online: 2, schriftelijk: 1 },
      overridden: 1,
      hoursSaved: 2 + 2 + 0.5 + 2 + 0.5 + 2,
    });
    expect((await mdoSummary(t.db, { ...period, regioteams: ['zuid'] })).total).toBe(1);
    expect((await mdoSummary(t.db, { from: period.from, to: new Date('2026-12-01T13:00:00Z') })).total).toBe(1);
  });
});
