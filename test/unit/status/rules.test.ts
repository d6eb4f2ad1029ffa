import { defaultOfficeInput, parseOffice } from '../../../config/office';
import { allNormal, applyPreset, diffStatuses, ringPresets } from '../../../config/rings';
import { PER_TASK } from '../../../config/status-labels';
import { TRANSITIONS, changeInForce, expiryAction, findPreset, proposedTasks, validateTaskStatuses, type Step } from '../../../services/status/rules';
import type { ChangeState } from '../../../services/status/types';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const preset = (id: string) => applyPreset(model, findPreset(id)!);
/** The steps a change in `state` can take. */
const stepsFrom = (state: ChangeState): Step[] =>
  (Object.keys(TRANSITIONS) as Step[]).filter((step) => (TRANSITIONS[step].from as readonly ChangeState[]).includes(state));

describe('status rules (pure)', () => {
  it('lists the report\'s tasks: four kern tasks, ring 1-3 and two outside the rings with a shadow task', () => {
    expect(model.tasks.filter((t) => t.ring === 'kern')).toHaveLength(4);
    expect(model.tasks.filter((t) => t.ring === 'buiten').map((t) => t.id)).toEqual(['consultatie-advies', 'monitoring-na-overdracht']);
    expect(model.tasks.find((t) => t.id === 'monitoring-na-overdracht')!.shadowOf).toBe('ring3');
  });

  it('applies the presets: kern always runs, ring 3 paused keeps the shadow task, noodstand keeps only kern', () => {
    for (const p of ringPresets) {
      const tasks = applyPreset(model, p);
      for (const t of model.tasks.filter((task) => task.ring === 'kern')) expect(tasks[t.id]).not.toBe('niet');
    }
    expect(diffStatuses(model, allNormal(model), preset('alle-ringen'))).toEqual([]);
    const ring3 = preset('ring3-gepauzeerd');
    expect(ring3['mdo-zonder-betrokkenheid']).toBe('niet');
    expect(ring3['monitoring-na-overdracht']).toBe('normaal');
    const kernRing1 = preset('kern-en-ring1');
    expect(kernRing1['huisbezoek']).toBe('niet');
    expect(kernRing1['maatwerk']).toBe('normaal');
    const nood = preset('noodstand');
    expect(nood['thuiszittersaanpak']).toBe('niet');
    expect(nood['consultatie-advies']).toBe('soberder');
    expect(nood['verzuimmeldingen']).toBe('normaal');
  });

  it('refuses a kern task set to "niet" with a Dutch message, and unknown tasks or statuses', () => {
    expect(() => validateTaskStatuses(model, { handhaving: 'niet' })).toThrow(/Taken in de kern kunnen nooit op "niet"/);
    expect(() => proposedTasks(office, { preset: PER_TASK, taskValues: { vrijstellingen: 'niet' } })).toThrow(/Vrijstellingen beoordelen/);
    expect(() => validateTaskStatuses(model, { bestaatniet: 'normaal' })).toThrow(/Onbekende taak/);
    expect(() => validateTaskStatuses(model, { maatwerk: 'half' })).toThrow(/Onbekende status/);
    expect(validateTaskStatuses(model, { handhaving: 'soberder', voorlichting: 'niet' })).toMatchObject({ handhaving: 'soberder', voorlichting: 'niet', maatwerk: 'normaal' });
  });

  it('keeps a change in force after its expected end unless the MT let it lapse', () => {
    const a = { id: 1, tasks: preset('ring3-gepauzeerd'), previousTasks: allNormal(model), startDate: '2026-12-01', endDate: '2027-03-01' };
    const b = { id: 2, tasks: preset('noodstand'), previousTasks: a.tasks, startDate: '2027-01-10', endDate: '2027-02-01' };
    expect(changeInForce([a, b], '2026-11-30').change).toBeUndefined();
    expect(changeInForce([a, b], '2026-12-01').change?.id).toBe(1);
    expect(changeInForce([a, b], '2027-01-10').change?.id).toBe(2);
    expect(changeInForce([a, b], '2027-06-01').change?.id).toBe(2);
    const lapsed = changeInForce([a, { ...b, expiryChoice: 'lapse' }], '2027-02-02');
    expect(lapsed).toMatchObject({ lapsed: true, tasks: a.tasks });
    expect(changeInForce([a, { ...b, expiryChoice: 'lapse' }], '2027-02-01').change?.id).toBe(2);
  });

  it('sends an expiry notice a week before the end date once per end date, then daily reminders after it', () => {
    const c = { endDate: '2027-03-01', expiryChoice: null, noticeSentFor: null };
    expect(expiryAction(c, '2027-02-21')).toBe('none');
    expect(expiryAction(c, '2027-02-22')).toBe('notice');
    expect(expiryAction({ ...c, noticeSentFor: '2027-03-01' }, '2027-02-23')).toBe('none');
    expect(expiryAction({ ...c, noticeSentFor: '2027-03-01' }, '2027-03-02')).toBe('overdue');
    expect(expiryAction({ ...c, endDate: '2027-05-01', noticeSentFor: '2027-03-01' }, '2027-04-24')).toBe('notice');
    expect(expiryAction({ ...c, expiryChoice: 'lapse' }, '2027-03-02')).toBe('none');
  });

  it('moves a change only along the state machine: decided, ended and withdrawn changes take no flow step back', () => {
    expect(stepsFrom('draft').sort()).toEqual(['consult', 'skipConsultation', 'withdraw']);
    expect(stepsFrom('proposed').sort()).toEqual(['publish', 'publishFirst', 'withdraw']);
    expect(stepsFrom('awaiting_confirmation').sort()).toEqual(['confirm', 'withdraw']);
    expect(stepsFrom('published').sort()).toEqual(['end', 'extend', 'lapse']);
    expect(stepsFrom('ended')).toEqual([]);
    expect(stepsFrom('withdrawn')).toEqual([]);
    // Every state but the draft is reached by some step, and every step lands in a known state.
    const states: ChangeState[] = ['draft', 'proposed', 'awaiting_confirmation', 'published', 'ended', 'withdrawn'];
    const reached = new Set<ChangeState>(Object.values(TRANSITIONS).map((t) => t.to));
    expect(states.filter((s) => !reached.has(s))).toEqual(['draft']);
    expect(TRANSITIONS.publishFirst.to).toBe('awaiting_confirmation');
    expect(TRANSITIONS.confirm.to).toBe('published');
  });
});
