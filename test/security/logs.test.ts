/**
 * Logs leak nothing: a full flow (install, link, menu, free-text messages, card actions with free
 * text, a refused personal-data submit, an unknown verb) runs with every info-level log line
 * captured; none contains message text, card free text, a case reference or a person's name.
 */
import { HELP_KINDS, HELP_REASONS, URGENCIES } from '../../config/caseload-labels';
import { botInstalled, cardAction, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { captureLogs } from '../harness/log-capture';

const CASE_REF = 'C-2024-0777';
const FREE_TEXT = 'Moeder van Jayden Pietersen belde over verzuim';
const CARD_TEXT = 'Twee zware dossiers deze week, collega Brouwer is ziek';
const REFUSED_TEXT = 'Bel de vader op 06-98765432 voor overleg';

describe('logs at info level', () => {
  let h: Harness;
  const { log, lines } = captureLogs();

  beforeAll(async () => {
    h = await startHarness({ log });

    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    await h.send(personalMessage('menu', { from: users.consulent }));
    await h.send(personalMessage(`${FREE_TEXT}, casus ${CASE_REF}`, { from: users.consulent }));
    await h.send(channelMessage(`${CARD_TEXT} ${CASE_REF}`, { from: users.consulent2 }));
    await h.invoke(cardAction('menu.open', { command: 'ondersteuning', note: FREE_TEXT }, { from: users.consulent }));
    const request = {
      regioteam: 'noord',
      kind: Object.keys(HELP_KINDS)[0],
      caseCount: '2',
      reason: Object.keys(HELP_REASONS)[0],
      urgency: Object.keys(URGENCIES)[0],
      caseRefs: CASE_REF,
      description: CARD_TEXT,
    };
    await h.invoke(cardAction('caseload.request', request, { from: users.consulent }));
    await h.invoke(cardAction('caseload.request', { ...request, description: REFUSED_TEXT }, { from: users.consulent }));
    await h.invoke(cardAction('no.such.verb', { text: FREE_TEXT, caseRef: CASE_REF }, { from: users.consulent3 }));
    await h.app.sender.settle();
  });

  afterAll(async () => {
    await h.close();
  });

  it('captured structured JSON lines of the whole flow', () => {
    // At least the refused turns are logged (with their correlation id, verb and code).
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const records = lines.map((line) => JSON.parse(line) as { level: number; correlationId?: string; verb?: string });
    expect(records.every((r) => r.level >= 30)).toBe(true);
    expect(records.filter((r) => r.verb === 'no.such.verb').every((r) => typeof r.correlationId === 'string')).toBe(true);
    // The flow really ran: the help request reached the linked channel.
    expect(JSON.stringify(h.cards())).toContain(CASE_REF);
  });

  it('contains no message text, card free text, case reference or name', () => {
    const all = lines.join('\n');
    const forbidden = [
      FREE_TEXT,
      'Jayden',
      'Pietersen',
      CARD_TEXT,
      'Brouwer',
      REFUSED_TEXT,
      '06-98765432',
      CASE_REF,
      ...Object.values(users).flatMap((u) => [u.name, ...u.name.split(' ').filter((part) => part.length > 3)]),
    ];
    const leaks = forbidden.filter((s) => all.includes(s));
    expect(leaks).toEqual([]);
  });
});
