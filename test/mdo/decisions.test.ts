import { defaultOfficeInput, parseOffice } from '../../config/office';
import type { ExecutionStatus } from '../../config/rings';
import type { Config } from '../../config';
import { resolveActor, type Actor } from '../../services/authz';
import { ManualClock } from '../../services/clock';
import type { ActingContext } from '../../services/context';
import { createLogger } from '../../services/logger';
import { decideMdo, recordMdoAdvice } from '../../services/mdo/actions';
import { emptyMdoForm, parseMdoForm, type ParsedMdoForm } from '../../services/mdo/form';
import { mdoSummary } from '../../services/mdo/store';
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
  if (!result.ok) throw new Error(result.problems.map((p) => p.text).join(' · '));
  return result.form;
}

const config = { env: { WENDBAAR_TIME_ZONE: zone }, office, localMode: true } as unknown as Config;

/** The context a verb gets, for a person acting at `now`. */
function as(db: TestDatabase['db'], actor: Actor): ActingContext {
  return { db, clock: new ManualClock(now), config, roles, log: createLogger('silent'), correlationId: 'test', actor };
}

const advise = (db: TestDatabase['db'], parsed: ParsedMdoForm, actor = sanne) => recordMdoAdvice(as(db, actor), parsed);
const decide = (db: TestDatabase['db'], id: number, request: Parameters<typeof decideMdo>[1]['request'], extra: { reminder?: boolean; actor?: typeof sanne } = {}) =>
  decideMdo(as(db, extra.actor ?? sanne), { id, request, reminder: extra.reminder ?? false });

describe('MDO decisions (service)', () => {
  // A fresh database per test, so each one runs alone (jest -t) and counts only its own rows.
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase();
    ringState.mockResolvedValue(ring());
  });
  afterEach(async () => {
    await t.close();
  });

  it('asks for the ring state on the meeting date and stores it with the advice', async () => {
    const row = await advise(t.db, form());
    expect(ringState).toHaveBeenLastCalledWith(expect.anything(), office, new Date('2026-12-01T13:00:00Z'));
    expect(row).toMatchObject({ owner_aad: 'aad-sanne', regioteam: 'noord', status: 'advised', advised_outcome: 'online', category: 'belangrijk' });
  });

  it('shows the new advice instead of deciding when ring 3 was paused in between, then decides on it', async () => {
    const row = await advise(t.db, form());
    ringState.mockResolvedValue(ring({ 'mdo-zonder-betrokkenheid': 'niet' }));
    const changed = await decide(t.db, row.id, { choice: 'accept' });
    expect(changed.kind).toBe('advice-changed');
    expect(changed.row.advised_outcome).toBe('niet-deelnemen');
    const decided = await decide(t.db, row.id, { choice: 'accept' });
    expect(decided).toMatchObject({ kind: 'decided', row: { final_outcome: 'niet-deelnemen', overridden: false, hours_saved: 2 } });
    expect(decided.row.ring_state.activeChange?.title).toBe('Krapte winter');
  });

  it('refuses another consulent, whatever the request says', async () => {
    const row = await advise(t.db, form());
    await expect(decide(t.db, row.id, { choice: 'accept' }, { actor: daan })).rejects.toThrow('Dit mag alleen de consulent die dit besluit maakt');
    await expect(decide(t.db, 999999, { choice: 'accept' })).rejects.toThrow('bestaat niet');
  });

  it('an override needs a known outcome and a reason', async () => {
    const row = await advise(t.db, form());
    expect(await decide(t.db, row.id, { choice: 'override', outcome: 'ergens', reason: 'x' })).toMatchObject({ kind: 'invalid', problems: [{ field: 'outcome', text: 'Anders kiezen: kies wat je in plaats van het advies doet' }] });
    expect(await decide(t.db, row.id, { choice: 'override', outcome: 'fysiek' })).toMatchObject({ kind: 'invalid' });
    const ok = await decide(t.db, row.id, { choice: 'override', outcome: 'vertegenwoordigen', reason: 'Collega van Zuid gaat toch.' });
    expect(ok).toMatchObject({ kind: 'decided', row: { final_outcome: 'vertegenwoordigen', overridden: true, hours_saved: 2 } });
  });

  it('plans no reminder when the working day before has passed, and none when not attending', async () => {
    const soon = await advise(t.db, form({ date: '2026-11-25' }));
    expect((await decide(t.db, soon.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toBeNull();
    const written = await advise(t.db, form({ writtenEnough: 'ja' }));
    expect((await decide(t.db, written.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toBeNull();
    const monday = await advise(t.db, form({ date: '2026-12-07' }));
    expect((await decide(t.db, monday.id, { choice: 'accept' }, { reminder: true })).row.reminder_at).toEqual(new Date('2026-12-04T08:00:00Z'));
    const keys = await t.db.query<{ idempotency_key: string }>(`SELECT idempotency_key FROM deliveries WHERE idempotency_key LIKE 'mdo:%'`);
    expect(keys).toEqual([{ idempotency_key: `mdo:${monday.id}:reminder` }]);
  });

  it('sums decided MDOs in a period for the dashboard, per regioteam when asked', async () => {
    // Noord: not attending after ring 3 was paused, represented by a colleague, two online, one written.
    ringState.mockResolvedValue(ring({ 'mdo-zonder-betrokkenheid': 'niet' }));
    await decide(t.db, (await advise(t.db, form())).id, { choice: 'accept' });
    ringState.mockResolvedValue(ring());
    await decide(t.db, (await advise(t.db, form())).id, { choice: 'override', outcome: 'vertegenwoordigen', reason: 'Collega van Zuid gaat toch.' });
    await decide(t.db, (await advise(t.db, form({ date: '2026-11-25' }))).id, { choice: 'accept' });
    await decide(t.db, (await advise(t.db, form({ writtenEnough: 'ja' }))).id, { choice: 'accept' });
    await decide(t.db, (await advise(t.db, form({ date: '2026-12-07' }))).id, { choice: 'accept' });
    await advise(t.db, form()); // advised, never decided: not counted
    // Zuid: a thematic meeting without a concrete reason.
    const zuid = await advise(t.db, form({ type: 'thematisch', gemeente: '', concreteReason: 'nee' }), daan);
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
