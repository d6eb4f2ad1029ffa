import { defaultMdoCatalogue } from '../../config/mdo-catalogue';
import { defaultRingModel, type ExecutionStatus } from '../../config/rings';
import { adviseMdo, type MdoAnswers } from '../../services/mdo/rules';
import { parseMdoForm, emptyMdoForm, type MdoFormValues } from '../../services/mdo/form';
import { organiserMessage } from '../../cards/mdo/organiser-message';
import { evaluationPeriod, hoursSavedFor } from '../../services/mdo/rules';
import type { RingState } from '../../services/status/current';

const type = (id: string) => defaultMdoCatalogue.find((t) => t.id === id)!;
const VIOS = type('vios');
const ZVH = type('zvh-jeugdoverleg');
const THEMA = type('thematisch');

const ring = (tasks: Record<string, ExecutionStatus> = {}, title?: string): RingState => ({
  tasks: { ...Object.fromEntries(defaultRingModel.tasks.map((t) => [t.id, 'normaal' as ExecutionStatus])), ...tasks },
  activeChange: title ? { id: 1, title, startDate: '2026-11-01', reason: 'krapte' } : undefined,
});
const NORMAL = ring();

/** Actively involved, decisions taken, everything in order, nothing lighter possible. */
const involved: MdoAnswers = { involved: true, legalBasis: 'ja', coreTasks: true, concreteActions: true, canOnline: true, colleagueGoing: false, writtenEnough: false };
/** Not involved, a case meeting that matters to the region. */
const notInvolved: MdoAnswers = { ...involved, involved: false };

describe('MDO advice: legal basis first', () => {
  it.each([
    ['involved', involved, ZVH],
    ['not involved', notInvolved, VIOS],
    ['thematic', { ...notInvolved, concreteReason: false }, THEMA],
    ['written input enough', { ...involved, writtenEnough: true }, ZVH],
  ] as const)('basis onbekend always gives eerst juridische toets (%s), also with ring 3 paused', (_name, answers, t) => {
    for (const state of [NORMAL, ring({ 'mdo-zonder-betrokkenheid': 'niet', 'mdo-direct-online': 'niet', 'mdo-direct-fysiek': 'niet' })]) {
      const advice = adviseMdo({ ...answers, legalBasis: 'onbekend' }, t, state);
      expect(advice.outcome).toBe('juridische-toets');
      expect(advice.reasons.join(' ')).toContain('privacy-officer');
    }
  });

  it('no legal basis gives niet deelnemen, even when essentieel', () => {
    const advice = adviseMdo({ ...involved, legalBasis: 'nee' }, ZVH, NORMAL);
    expect(advice).toMatchObject({ outcome: 'niet-deelnemen', category: 'essentieel', declineGround: 'geen-grondslag' });
    expect(advice.reasons.join(' ')).toContain('geen wettelijke grondslag');
  });
});

describe('MDO advice: priority categories as the report defines them', () => {
  it('is essentieel when actively involved and decisions are taken', () => {
    expect(adviseMdo(involved, ZVH, NORMAL).category).toBe('essentieel');
  });
  it('is belangrijk for a case meeting without direct involvement, or involved without decisions', () => {
    expect(adviseMdo(notInvolved, VIOS, NORMAL).category).toBe('belangrijk');
    expect(adviseMdo({ ...involved, concreteActions: false }, ZVH, NORMAL).category).toBe('belangrijk');
  });
  it('is laag-urgent for thematic meetings and for meetings that do not serve the core tasks', () => {
    expect(adviseMdo({ ...notInvolved, concreteReason: true }, THEMA, NORMAL).category).toBe('laag-urgent');
    expect(adviseMdo({ ...notInvolved, coreTasks: false }, VIOS, NORMAL).category).toBe('laag-urgent');
  });
});

describe('MDO advice: criteria and lighter forms', () => {
  it('thematic without a concrete reason: niet deelnemen; with one it is weighed like any other', () => {
    expect(adviseMdo({ ...notInvolved, concreteReason: false }, THEMA, NORMAL)).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'thematisch' });
    expect(adviseMdo({ ...notInvolved, concreteReason: true }, THEMA, NORMAL).outcome).toBe('online');
  });

  it('no contribution to core tasks or no concrete actions: niet deelnemen, or schriftelijke inbreng when that is enough', () => {
    for (const missing of [{ coreTasks: false }, { concreteActions: false }, { coreTasks: false, concreteActions: false }]) {
      expect(adviseMdo({ ...notInvolved, ...missing }, VIOS, NORMAL)).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'criteria' });
      expect(adviseMdo({ ...notInvolved, ...missing, writtenEnough: true }, VIOS, NORMAL).outcome).toBe('schriftelijk');
    }
  });

  it('written input enough beats representation and attendance', () => {
    const advice = adviseMdo({ ...involved, writtenEnough: true, colleagueGoing: true }, ZVH, NORMAL);
    expect(advice.outcome).toBe('schriftelijk');
    expect(advice.reasons.join(' ')).toContain('administratief medewerker');
  });

  it('a colleague already going: laten vertegenwoordigen', () => {
    expect(adviseMdo({ ...involved, colleagueGoing: true }, ZVH, NORMAL).outcome).toBe('vertegenwoordigen');
    expect(adviseMdo({ ...notInvolved, colleagueGoing: true }, VIOS, NORMAL).outcome).toBe('vertegenwoordigen');
  });

  it('online when it can, fysiek when it cannot (rings normal)', () => {
    expect(adviseMdo(involved, ZVH, NORMAL).outcome).toBe('online');
    expect(adviseMdo({ ...involved, canOnline: false }, ZVH, NORMAL).outcome).toBe('fysiek');
    expect(adviseMdo(notInvolved, VIOS, NORMAL).outcome).toBe('online');
    expect(adviseMdo({ ...notInvolved, canOnline: false }, VIOS, NORMAL).outcome).toBe('fysiek');
  });
});

describe('MDO advice: the current ring status', () => {
  const paused3 = ring({ 'mdo-zonder-betrokkenheid': 'niet' }, 'Krapte winter');

  it('ring 3 paused turns a VIOS-overleg without direct involvement into niet deelnemen', () => {
    for (const extra of [{}, { writtenEnough: true }, { colleagueGoing: true }, { canOnline: false }]) {
      const advice = adviseMdo({ ...notInvolved, ...extra }, VIOS, paused3);
      expect(advice).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'ring' });
      expect(advice.reasons.join(' ')).toContain('Krapte winter');
    }
  });

  it('ring 3 paused does not touch MDOs with direct involvement', () => {
    expect(adviseMdo(involved, ZVH, paused3).outcome).toBe('online');
  });

  it('ring 3 soberder: laag-urgent not, belangrijk only online', () => {
    const sober3 = ring({ 'mdo-zonder-betrokkenheid': 'soberder' });
    expect(adviseMdo({ ...notInvolved, concreteReason: true }, THEMA, sober3)).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'ring' });
    expect(adviseMdo(notInvolved, VIOS, sober3).outcome).toBe('online');
    expect(adviseMdo({ ...notInvolved, canOnline: false }, VIOS, sober3)).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'geen-vorm' });
  });

  it('ring 2 paused: involved and online impossible gives niet deelnemen with a hint; online still possible', () => {
    const paused2 = ring({ 'mdo-direct-fysiek': 'niet' });
    expect(adviseMdo(involved, ZVH, paused2).outcome).toBe('online');
    const advice = adviseMdo({ ...involved, canOnline: false }, ZVH, paused2);
    expect(advice).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'geen-vorm' });
    expect(advice.reasons.join(' ')).toContain('online mogelijkheid');
  });

  it('ring 2 soberder: essentieel still attends physically when online cannot', () => {
    const advice = adviseMdo({ ...involved, canOnline: false }, ZVH, ring({ 'mdo-direct-fysiek': 'soberder' }));
    expect(advice.outcome).toBe('fysiek');
    expect(advice.reasons.join(' ')).toContain('essentieel');
  });

  it('ring 2 intensiever: physical attendance even when online could', () => {
    expect(adviseMdo(involved, ZVH, ring({ 'mdo-direct-fysiek': 'intensiever' })).outcome).toBe('fysiek');
  });

  it('ring 1 paused but ring 2 running: physical attendance', () => {
    expect(adviseMdo(involved, ZVH, ring({ 'mdo-direct-online': 'niet' })).outcome).toBe('fysiek');
  });

  it('ring 1 and 2 paused: niet deelnemen with direct involvement, before lighter forms', () => {
    const both = ring({ 'mdo-direct-online': 'niet', 'mdo-direct-fysiek': 'niet' });
    expect(adviseMdo({ ...involved, writtenEnough: true }, ZVH, both)).toMatchObject({ outcome: 'niet-deelnemen', declineGround: 'ring' });
  });

  it('lists the ring tasks it used with their status', () => {
    expect(adviseMdo(involved, ZVH, NORMAL).ringTasks.map((t) => t.taskId)).toEqual(['mdo-direct-online', 'mdo-direct-fysiek']);
    expect(adviseMdo(notInvolved, VIOS, paused3).ringTasks).toEqual([{ taskId: 'mdo-zonder-betrokkenheid', status: 'niet' }]);
  });
});

describe('MDO form', () => {
  const ctx = { catalogue: defaultMdoCatalogue, now: new Date('2026-11-24T08:00:00Z'), zone: 'Europe/Amsterdam' };
  const filled: MdoFormValues = {
    ...emptyMdoForm(), type: 'vios', gemeente: 'Houten', date: '2026-12-01', time: '14:00', organiser: 'Gemeente Houten', involved: 'ja',
    caseRefs: 'C-2026-0412, c-2026-0413', legalBasis: 'ja', coreTasks: 'ja', concreteActions: 'ja', canOnline: 'nee', colleagueGoing: 'nee', writtenEnough: 'nee',
  };

  it('parses a complete form', () => {
    const result = parseMdoForm(filled, ctx);
    expect(result.ok && result.form).toMatchObject({ detail: 'Houten', caseRefs: ['C-2026-0412', 'C-2026-0413'], meetingAt: new Date('2026-12-01T13:00:00Z') });
  });

  it.each([
    [{ gemeente: '' }, 'Gemeente: vul de gemeente in'],
    [{ caseRefs: '' }, 'Casusnummer(s)'],
    [{ caseRefs: 'Jan de Vries' }, 'geen namen'],
    [{ involved: 'nee' }, 'alleen casusnummers'],
    [{ legalBasis: '' }, 'kies ja, nee of onbekend'],
    [{ date: '2026-11-01' }, 'in het verleden'],
    [{ type: 'thematisch', gemeente: '', caseRefs: '', involved: 'nee' }, 'Concrete aanleiding'],
  ])('refuses %j in Dutch', (change, message) => {
    const result = parseMdoForm({ ...filled, ...change }, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.text).join(' · ')).toContain(message);
  });
});

describe('MDO organiser message, hours saved, period', () => {
  it('says what the RBL will do, without case references', () => {
    const text = organiserMessage({ meetingName: 'VIOS-overleg gemeente Houten', when: 'dinsdag 1 december 2026 om 14:00', outcome: 'niet-deelnemen', declineGround: 'ring', senderName: 'Sanne Bakker', organiser: 'Gemeente Houten' });
    expect(text.split('\n')[0]).toBe("Beste collega's van Gemeente Houten,");
    expect(text).toContain('neemt niet deel');
    expect(text).toContain('kerntaken');
    expect(text).toContain('Sanne Bakker');
    expect(organiserMessage({ meetingName: 'x', when: 'y', outcome: 'online', senderName: 'z', organiser: 'GGD' })).toContain('online deel');
  });

  it('counts hours of meetings not attended, travel time for online, nothing for fysiek', () => {
    expect(hoursSavedFor('niet-deelnemen', VIOS)).toBe(2);
    expect(hoursSavedFor('schriftelijk', ZVH)).toBe(2.5);
    expect(hoursSavedFor('online', VIOS)).toBe(0.5);
    expect(hoursSavedFor('fysiek', VIOS)).toBe(0);
    expect(hoursSavedFor('juridische-toets', VIOS)).toBe(0);
  });

  it('takes the evaluation period around today', () => {
    const p = evaluationPeriod(['2027-03-15', '2026-09-15'], new Date('2026-11-24T08:00:00Z'), 'Europe/Amsterdam');
    expect(p).toEqual({ from: new Date('2026-09-14T22:00:00Z'), to: new Date('2027-03-14T23:00:00Z') });
  });
});
