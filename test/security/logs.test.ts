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
const CARD_TEXT = 'Twee zware dossiers deze week, graag hulp bij de zittingen';
const REFUSED_TEXT = 'Bel de vader op 06-98765432 voor overleg';
const FAILED_TEXT = 'Graag hulp bij drie dossiers voor de zitting van volgende week';

interface LogRecord {
  level: number;
  msg: string;
  correlationId?: string;
  verb?: string;
  err?: { type?: string; name?: string; message?: string; code?: string; params?: unknown };
}

describe('logs at info level', () => {
  let h: Harness;
  const { log, lines } = captureLogs();
  let failedTurn: unknown;
  let refusedWithoutAudit: unknown;

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
    // A programming-level failure mid-turn: the table the request is written to is missing.
    await h.db.query('ALTER TABLE help_requests RENAME TO help_requests_away');
    try {
      failedTurn = (await h.invoke(cardAction('caseload.request', { ...request, description: FAILED_TEXT }, { from: users.consulent }))).value;
    } finally {
      await h.db.query('ALTER TABLE help_requests_away RENAME TO help_requests');
    }
    // A refusal whose audit record cannot be written: the user is still refused, the operator told.
    await h.db.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      await h.send(channelMessage('koppel noord', { from: users.consulent3 }));
      refusedWithoutAudit = h.lastCard();
    } finally {
      await h.db.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
    await h.app.sender.settle();
  });

  afterAll(async () => {
    await h.close();
  });

  it('captured structured JSON lines of the whole flow', () => {
    // At least the refused turns are logged (with their correlation id, verb and code).
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const records = lines.map((line) => JSON.parse(line) as LogRecord);
    expect(records.every((r) => r.level >= 30)).toBe(true);
    expect(records.filter((r) => r.verb === 'no.such.verb').every((r) => typeof r.correlationId === 'string')).toBe(true);
    // The flow really ran: the help request reached the linked channel.
    expect(JSON.stringify(h.cards())).toContain(CASE_REF);
  });

  it('keeps the diagnostics of a failed turn: error name, type, code and message, and the id the user was told', () => {
    const records = lines.map((line) => JSON.parse(line) as LogRecord);
    const failure = records.find((r) => r.msg === 'unexpected error during turn');
    expect(failure).toBeDefined();
    expect(failure!.err).toMatchObject({ type: expect.stringMatching(/Error$/), code: '42P01', message: expect.stringContaining('help_requests') });
    // The driver's name for the error (a diagnostic, not a person's name) is not censored.
    expect(typeof failure!.err!.name).toBe('string');
    expect(failure!.err!.name).not.toMatch(/redacted/i);
    expect(JSON.stringify(failedTurn)).toContain(failure!.correlationId);
  });

  it('a refusal whose audit record could not be written is still refused, and the failure is logged with its correlation id', () => {
    expect(JSON.stringify(refusedWithoutAudit)).toContain('Dit mag alleen het MT of de teamleider van dit regioteam');
    const records = lines.map((line) => JSON.parse(line) as LogRecord);
    const failure = records.find((r) => r.msg === 'refusal could not be audited');
    expect(failure).toMatchObject({ level: 50, correlationId: expect.any(String), err: { code: '42P01', message: expect.stringContaining('audit_log') } });
    // The same id as the refusal itself, so the operator can tie the two together.
    expect(records.filter((r) => r.msg === 'turn refused' && r.correlationId === failure!.correlationId)).toHaveLength(1);
  });

  it('a database error keeps its code and constraint but not the row values PostgreSQL quotes in its detail', async () => {
    const error = await h.db.query('INSERT INTO people (aad_object_id, name) VALUES (NULL, $1)', [users.consulent.name]).catch((e: unknown) => e);
    expect(JSON.stringify({ ...(error as object) })).toContain(users.consulent.name);
    const { log: probe, lines: probeLines } = captureLogs();
    probe.error({ err: error, correlationId: 'probe' }, 'query failed');
    const record = JSON.parse(probeLines[0]!) as LogRecord & { err: { column?: string } };
    expect(record.err).toMatchObject({ code: '23502', column: 'aad_object_id' });
    expect(probeLines[0]).not.toContain(users.consulent.name);
  });

  it('contains no message text, card free text, case reference or name', () => {
    const all = lines.join('\n');
    const forbidden = [
      FREE_TEXT,
      FAILED_TEXT,
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
