import { defaultOfficeInput, parseOffice } from '../../config/office';
import { ringPresets } from '../../config/rings';
import { changesToCsv, changesToMarkdown } from '../../services/status/export';
import { PER_TASK, proposedTasks } from '../../services/status/flow';
import { allNormal, applyPreset, changeInForce, diffStatuses, expiryAction, findPreset, validateTaskStatuses } from '../../services/status/model';
import type { ChangeRow } from '../../services/status/store';
import { statusView } from '../../services/status/views';

const office = parseOffice(defaultOfficeInput);
const model = office.rings;
const preset = (id: string) => applyPreset(model, findPreset(id)!);

describe('ring model (pure)', () => {
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

  it('exports CSV (quoted, formula-safe) and a Markdown summary with before/after per task', () => {
    const change = {
      id: 4, kind: 'change', state: 'published', title: 'Ring 3 gepauzeerd', tasks: preset('ring3-gepauzeerd'), previousTasks: allNormal(model),
      reasonCategory: 'personeelsuitval', reason: '=uitval "Noord"', practiceImpact: 'Afmelden voor ZVH-overleg.', partnerText: null,
      startDate: '2026-12-01', endDate: '2027-03-01', decidedBy: [{ aad: 'a', name: 'Fatima El Amrani' }, { aad: 'b', name: 'Bram Vermeulen' }],
      decidedAt: new Date('2026-11-30T09:00:00Z'), consultationSkipped: null,
    } as unknown as ChangeRow;
    const csv = changesToCsv(office, [change]);
    expect(csv.split('\r\n')[0]).toContain('"ingangsdatum"');
    expect(csv).toContain(`"'=uitval ""Noord"""`);
    expect(csv).toContain('"Fatima El Amrani en Bram Vermeulen"');
    const md = changesToMarkdown(office, [change], '2027-01-05');
    expect(md).toContain('## Ring 3 gepauzeerd');
    expect(md).toContain("| MDO's zonder directe betrokkenheid, zoals zorg- en veiligheidsoverleggen | Normaal | Niet |");
  });

  it('shows every ring and task on the status card with the change in force', () => {
    const view = statusView(model, { tasks: allNormal(model) });
    expect(view.rings.map((r) => r.name)).toEqual(['Kern', 'Ring 1', 'Ring 2', 'Ring 3 (buitenste ring)', 'Buiten de ringen']);
    expect(view.rings.flatMap((r) => r.tasks)).toHaveLength(model.tasks.length);
    expect(view.headline).toContain('Alle taken worden normaal uitgevoerd');
  });
});
