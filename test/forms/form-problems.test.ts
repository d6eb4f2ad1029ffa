import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { helpRequestForm, mdoForm, statusProposal } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { expectValidCard } from '../harness/card-validation';
import { startHarness, type Harness } from '../harness/harness';
import { input, isCard, problemLines } from './card-inputs';

/**
 * One pattern for every form: every problem in one answer, each naming its field, every value
 * kept and every part of the form that had input left open; nothing stored.
 */
describe('forms report every problem at once and keep what was typed', () => {
  let h: Harness;
  const rows = async (table: string) => (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    h = await startHarness();
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(channelMessage('menu', { from: users.consulent }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });

  it('werkdruk: "complex > open" and "12 dagen afwezig" in one answer, the numbers as typed', async () => {
    const sent = { openCases: '20', complexCases: '25', newThisWeek: '2', absentDays: '12', isBuffer: 'true' };
    const reply = await h.invoke(cardAction('caseload.figures', sent, { from: users.consulent }));
    expect(isCard(reply)).toBe(true);
    expect(problemLines(reply.value)).toEqual([
      'Dagen afwezig: maximaal 10',
      'Waarvan complex: kan niet hoger zijn dan het aantal open casussen',
    ]);
    expect(input(reply.value, 'absentDays')?.value).toBe(12);
    expect(input(reply.value, 'complexCases')?.value).toBe(25);
    expect(input(reply.value, 'isBuffer')?.value).toBe('true');
    expectValidCard(reply.value, 'werkdruk with problems');
    expect(await rows('caseload_figures')).toBe(0);
  });

  it('ondersteuning: period, case number and personal data in the description together; nothing posted', async () => {
    const sent = { ...helpRequestForm, caseCount: '3', periodFrom: '2026-12-10', periodTo: '2026-12-01', caseRefs: 'C-2026-0142, Jan de Vries', description: 'Bel moeder op 06-12345678' };
    const reply = await h.invoke(cardAction('caseload.request', sent, { from: users.consulent }));
    const lines = problemLines(reply.value);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Periode: de einddatum ligt voor de begindatum');
    expect(lines[1]).toMatch(/^Casusnummers: /);
    expect(lines[2]).toContain('In "Korte toelichting" staat een telefoonnummer');
    for (const [id, value] of Object.entries({ periodFrom: '2026-12-10', periodTo: '2026-12-01', caseRefs: sent.caseRefs, description: sent.description, caseCount: 3 })) {
      expect(input(reply.value, id)?.value).toEqual(value);
    }
    expectValidCard(reply.value, 'help request with problems');
    expect(await rows('help_requests')).toBe(0);
  });

  it('MDO: a phone number in the organiser and a missing answer in the same answer', async () => {
    const reply = await h.invoke(cardAction('mdo.advise', { ...mdoForm, organiser: 'Bel 06-12345678', canOnline: '' }, { from: users.consulent }));
    const lines = problemLines(reply.value);
    expect(lines).toEqual(expect.arrayContaining(['Online mogelijk: kies ja of nee']));
    expect(lines.some((l) => l.startsWith('In "Organiserende organisatie" staat een telefoonnummer'))).toBe(true);
    expect(input(reply.value, 'organiser')?.value).toBe('Bel 06-12345678');
    expect(input(reply.value, 'gemeente')?.value).toBe('Houten');
    expect(await rows('mdo_decisions')).toBe(0);
  });

  it('a BSN typed in groups ("111 222 333") among case numbers is refused, on the MDO form and in a help request', async () => {
    const mdo = await h.invoke(cardAction('mdo.advise', { ...mdoForm, involved: 'ja', caseRefs: 'C-2026-0412, 111 222 333' }, { from: users.consulent }));
    expect(problemLines(mdo.value)).toEqual(['Casusnummer(s): dit lijkt een BSN; gebruik het casusnummer uit Carel']);
    const help = await h.invoke(cardAction('caseload.request', { ...helpRequestForm, caseRefs: 'C-2026-0142; 111 222 333' }, { from: users.consulent }));
    expect(problemLines(help.value)).toEqual(['Casusnummers: dit lijkt een BSN; gebruik het casusnummer uit Carel']);
    expect(await rows('mdo_decisions')).toBe(0);
    expect(await rows('help_requests')).toBe(0);
  });

  it('MDO "Anders kiezen": personal data and a missing choice together, the part stays open with the reason typed', async () => {
    const advised = await h.invoke(cardAction('mdo.advise', mdoForm, { from: users.consulent }));
    const id = (advised.value.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id;
    const reason = 'Moeder belde via 06-12345678';
    const reply = await h.invoke(cardAction('mdo.decide', { id, choice: 'override', outcome: '', reason }, { from: users.consulent }));
    const lines = problemLines(reply.value);
    expect(lines[0]).toBe('Anders kiezen: kies wat je in plaats van het advies doet');
    expect(lines[1]).toContain('In "Reden" staat een telefoonnummer');
    expect(input(reply.value, 'reason')).toEqual({ value: reason, hidden: false });
    expect(input(reply.value, 'outcome')?.hidden).toBe(false);
    expectValidCard(reply.value, 'mdo override with problems');
    const [row] = await h.db.query<{ status: string }>(`SELECT status FROM mdo_decisions WHERE id = $1`, [id]);
    expect(row!.status).toBe('advised');
  });

  it('monitoring: a name as case number and no date together, the choices kept', async () => {
    const sent = { kind: 'thuiszitter', caseReference: 'Jan de Vries', date: '', owner: users.consulent.aadObjectId, regioteam: 'noord' };
    const reply = await h.invoke(cardAction('monitoring.create', sent, { from: users.consulent }));
    const lines = problemLines(reply.value);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Casusnummer: /);
    expect(lines[1]).toBe('Datum: kies een datum');
    expect(input(reply.value, 'kind')?.value).toBe('thuiszitter');
    expect(input(reply.value, 'caseReference')?.value).toBe('Jan de Vries');
    expectValidCard(reply.value, 'monitoring start with problems');
    expect(await rows('monitoring_items')).toBe(0);
  });

  it('monitoring "Verlengen": no date and personal data in the reason together, the part stays open', async () => {
    const created = await h.invoke(cardAction('monitoring.create', { kind: 'thuiszitter', caseReference: 'C-2026-0999', date: '2026-11-16', owner: users.consulent.aadObjectId, regioteam: 'noord' }, { from: users.consulent }));
    expect(JSON.stringify(created.value)).toContain('Monitoring gestart');
    const [item] = await h.db.query<{ id: number }>(`SELECT id FROM monitoring_items WHERE case_reference = 'C-2026-0999'`);
    const reason = 'Vader belt terug op 06-12345678';
    const reply = await h.invoke(cardAction('monitoring.extend', { itemId: String(item!.id), newDate: '', reason }, { from: users.consulent }));
    const lines = problemLines(reply.value);
    expect(lines[0]).toBe('Nieuwe datum: kies een nieuwe datum');
    expect(lines[1]).toContain('In "Reden" staat een telefoonnummer');
    expect(input(reply.value, 'reason')).toEqual({ value: reason, hidden: false });
    expectValidCard(reply.value, 'monitoring extend with problems');
  });

  it('statusaanpassing: both dates and personal data in one answer; the per-task part stays open', async () => {
    const sent = { ...statusProposal, preset: 'per-taak', task_voorlichting: 'niet', startDate: '2026-11-01', endDate: '2026-10-01', reason: 'Collega Piet Pietersen (06-12345678) is ziek' };
    const reply = await h.invoke(cardAction('status.preview', sent, { from: users.mt }));
    const lines = problemLines(reply.value);
    expect(lines).toEqual(expect.arrayContaining(['Ingangsdatum: kies vandaag of een latere datum', 'Verwachte einddatum: kies een datum na de ingangsdatum']));
    expect(lines.some((l) => l.includes('In "Toelichting op de aanleiding" staat'))).toBe(true);
    expect(input(reply.value, 'reason')?.value).toBe(sent.reason);
    expect(input(reply.value, 'startDate')?.value).toBe('2026-11-01');
    const perTask = JSON.stringify(reply.value).match(/"id":"perTask","isVisible":(true|false)/);
    expect(perTask?.[1]).toBe('true');
    expectValidCard(reply.value, 'proposal with problems');
    expect(await rows('status_changes')).toBe(0);
  });

  it('a form without problems still goes through (werkdruk saved)', async () => {
    await h.send(personalMessage('werkdruk', { from: users.consulent }));
    const reply = await h.invoke(cardAction('caseload.figures', { openCases: '20', complexCases: '5', newThisWeek: '2', absentDays: '0', isBuffer: 'false' }, { from: users.consulent }));
    expect(problemLines(reply.value)).toEqual([]);
    expect(JSON.stringify(reply.value)).toContain('Opgeslagen');
  });
});
