import { sampleSignal } from '../../cards/capacity/samples';
import { PERMISSIONS, type Permission } from '../../services/authz';
import { insertSignal } from '../../services/capacity/store/signals';
import { botInstalled, cardAction, channelMessage, personalMessage, teams, type TeamChannel } from '../fixtures/activities';
import { helpRequestForm, mdoForm, statusProposal } from '../fixtures/forms';
import { users, type TestUser } from '../fixtures/people';
import { startHarness, type Harness, type InvokeBody } from '../harness/harness';

/**
 * Every card verb that only the MT, a teamleider or the owner of something may use is replayed by
 * someone else with exactly the payload the allowed user sends. Through the real HTTP path, the
 * replay must be refused in Dutch, audited as 'refused', and change nothing; the allowed user then
 * sends the same payload and succeeds, which proves the payload was a real one.
 */

const CARD = 'application/vnd.microsoft.card.adaptive';
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));
type Data = Record<string, unknown>;

/** Why each verb that is not in the restricted table below may be used by anyone who can click it. */
const OPEN_TO_EVERYONE: Record<string, string> = {
  'menu.open': 'runs the chosen command, which checks the clicker\'s own rights (see the menu test below)',
  'status.history': 'the decided changes are office-wide information, also the open "status geschiedenis" command',
  'status.export': 'export of decided changes, same information as the history',
  'status.respond': 'every medewerker may react to a consultation (status.consult); the answer is stored under the clicker',
  'status.read': 'acknowledges an announcement for the clicker only',
  'status.announcement': 'shows an office-wide announcement; the MT-only button in the clicker\'s own view leads to status.unread, which checks',
  'status.consultation': 'shows a consultation posted to the channels; the MT-only button in the clicker\'s own view leads to status.responses, which checks',
  'caseload.request': 'asks help for the clicker themself',
  'caseload.withdrawOffer': 'withdraws only the clicker\'s own offer',
  'caseload.figures': 'saves the clicker\'s own caseload figures',
  'monitoring.list': 'lists the clicker\'s own open items',
  'mdo.advise': 'creates an advice owned by the clicker',
  'absence.list': 'lists only the absences the clicker may record: their own, their team\'s (teamleider) or everyone\'s (MT)',
  'taken.list': 'lists what waits for the clicker, read with their own identity and regioteam',
  'taken.group': 'one group of the clicker\'s own list',
  'capacity.evaluate': 'stores an answer against the clicker\'s own invitation only; someone not invited is refused in Dutch',
};

type Snapshot = () => Promise<unknown>;

interface Row {
  verb: string;
  /** The rule in services/authz.ts that decides; its whoCan is the Dutch refusal. */
  permission: Permission;
  mayDo: TestUser;
  replayedBy: TestUser[];
  /** Creates real state as the allowed users would and returns the payload of the allowed click. */
  setup: () => Promise<Data>;
  /** The state the verb could change. */
  state: Snapshot;
  /** Whether the allowed click changes that state (false: a view). */
  writes: boolean;
  where?: TeamChannel | 'personal';
  /** Undoes what must not outlive the row (an absence that reroutes everyone's posts). */
  after?: () => Promise<void>;
  /** A refusal in words for this intruder instead of the rule's whoCan (e.g. a stand-in's own offer). */
  refusalFor?: (intruder: TestUser) => string | undefined;
}

describe('authorisation: replayed card payloads', () => {
  let h: Harness;

  const rows = <T = Data>(sql: string) => h.db.query<T>(sql);
  const invoke = (verb: string, data: Data, from: TestUser, where: TeamChannel | 'personal' = 'personal') => h.invoke(cardAction(verb, data, { from, where }));
  const succeeded = (answer: InvokeBody, what: string) => {
    if (answer.type !== CARD) throw new Error(`${what} was expected to succeed but answered: ${text(answer.value)}`);
    return answer.value as Data;
  };
  const ok = async (verb: string, data: Data, from: TestUser, where?: TeamChannel | 'personal') => succeeded(await invoke(verb, data, from, where), verb);
  const lastId = async (table: string) => Number((await rows<{ id: number }>(`SELECT max(id) AS id FROM ${table}`))[0]!.id);
  const lastRefusal = async (actor: TestUser, action: string) =>
    (await h.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE actor = $1 AND action = $2 AND outcome = 'refused' ORDER BY id DESC LIMIT 1`, [actor.aadObjectId, action]))[0]?.details;
  const refusals = async (actor: TestUser, action: string) =>
    Number((await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor = $1 AND action = $2 AND outcome = 'refused'`, [actor.aadObjectId, action]))[0]!.n);
  /** What a refused click must not have caused anywhere: deliveries queued (the sender only updates those rows), audited changes. */
  const sideEffects = async () => rows(`SELECT (SELECT count(*)::int FROM deliveries) AS deliveries, (SELECT count(*)::int FROM audit_log WHERE outcome = 'ok') AS audited`);

  // --- the state the allowed users create, exactly through their own clicks ---------------------
  const statusState: Snapshot = async () => [await rows(`SELECT * FROM status_changes ORDER BY id`), await rows(`SELECT * FROM status_announcements ORDER BY id`)];
  const draft = async () => {
    await ok('status.preview', statusProposal, users.mt);
    return lastId('status_changes');
  };
  const proposed = async () => {
    const changeId = await draft();
    await ok('status.skipConsultation', { changeId, skipReason: 'Acute uitval, geen tijd voor consultatie.' }, users.mt);
    return changeId;
  };
  const awaitingConfirmation = async () => {
    const changeId = await proposed();
    await ok('status.publish', { changeId }, users.mt);
    return changeId;
  };
  const published = async () => {
    const changeId = await awaitingConfirmation();
    await ok('status.confirm', { changeId }, users.mt2);
    return changeId;
  };

  const caseloadState: Snapshot = async () => [await rows(`SELECT * FROM help_requests ORDER BY id`), await rows(`SELECT * FROM help_offers ORDER BY id`)];
  const asked = async () => {
    await ok('caseload.request', helpRequestForm, users.consulent);
    return lastId('help_requests');
  };
  const offered = async () => {
    const requestId = await asked();
    await ok('caseload.offer', { requestId, amount: '1' }, users.consulent2, teams.noord);
    const offerId = Number((await h.db.query<{ id: number }>(`SELECT id FROM help_offers WHERE request_id = $1`, [requestId]))[0]!.id);
    return { requestId, offerId };
  };

  let caseNumber = 700;
  const monitoringState: Snapshot = async () => [await rows(`SELECT * FROM monitoring_items ORDER BY id`), await rows(`SELECT * FROM monitoring_stages ORDER BY item_id, seq`)];
  const nextCase = () => `C-2026-0${caseNumber++}`;
  const monitored = async () => {
    await ok('monitoring.create', { kind: 'overdracht-wijkteam', caseReference: nextCase(), date: '2026-10-27', owner: users.consulent.aadObjectId, regioteam: 'noord' }, users.consulent);
    return lastId('monitoring_items');
  };

  const mdoState: Snapshot = () => rows(`SELECT * FROM mdo_decisions ORDER BY id`);
  const mdoDecided = async () => {
    const advice = await ok('mdo.advise', mdoForm, users.consulent);
    const id = (advice.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!.data!.id;
    await ok('mdo.decide', { id, choice: 'accept' }, users.consulent);
    return id;
  };
  const mdoIntruders = [users.consulent2, users.teamleiderNoord, users.mt];

  // Absences start tomorrow, so none is active while the other rows run (it would reroute posts).
  const absenceState: Snapshot = () => rows(`SELECT * FROM absences ORDER BY id`);
  const tomorrow = () => new Date(h.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  const absenceOf = (person: TestUser, standIn: TestUser, startsOn = tomorrow()) => ({ person: person.aadObjectId, kind: 'ziek', startsOn, endsOn: '', standIn: standIn.aadObjectId });
  // A stand-in acts for the absentee only while the absence lasts: these rows record one from today and remove it afterwards.
  const today = () => h.clock.now().toISOString().slice(0, 10);
  const awayToday = async (person: TestUser, standIn: TestUser) => ok('absence.record', absenceOf(person, standIn, today()), users.teamleiderNoord);
  const noAbsences = async () => void (await rows(`DELETE FROM absences`));
  /** Milan offers on Sanne's request, then Sanne is away with Daan as her stand-in. */
  const offeredWhileAway = async () => {
    const requestId = await asked();
    await ok('caseload.offer', { requestId, amount: '1' }, users.consulent4, teams.noord);
    await awayToday(users.consulent, users.consulent2);
    return { requestId, offerId: Number((await h.db.query<{ id: number }>(`SELECT id FROM help_offers WHERE request_id = $1`, [requestId]))[0]!.id) };
  };

  // Capacity signals are made by the weekly job, not by a click: stored as the job stores them.
  const capacityState: Snapshot = () => rows(`SELECT * FROM capacity_signals ORDER BY id`);
  const signalled = async () => (await insertSignal(h.db, sampleSignal, sampleSignal.firedWeek, 3, new Date()))!.id;

  // --- the table: verb | who may | who replays | setup ------------------------------------------
  const mtOnly = [users.consulent, users.teamleiderNoord];
  const ownerOnly = [users.consulent2, users.consulent3, users.teamleiderNoord];
  const otherTeam = [users.consulent3, users.teamleiderZuid];
  const monitoringOwner = [users.consulent2, users.consulent3, users.teamleiderZuid];
  const table: Row[] = [
    { verb: 'status.preview', permission: 'status.propose', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => statusProposal },
    { verb: 'status.consult', permission: 'status.propose', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await draft(), deadline: '2026-11-27', regioteams: 'noord,zuid' }) },
    { verb: 'status.skipConsultation', permission: 'status.propose', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await draft(), skipReason: 'Acute uitval.' }) },
    { verb: 'status.withdraw', permission: 'status.propose', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await draft() }) },
    { verb: 'status.decision', permission: 'status.viewResponses', mayDo: users.mt, replayedBy: mtOnly, writes: false, state: statusState, setup: async () => ({ changeId: await proposed() }) },
    { verb: 'status.responses', permission: 'status.viewResponses', mayDo: users.mt, replayedBy: mtOnly, writes: false, state: statusState, setup: async () => ({ changeId: await proposed() }) },
    { verb: 'status.publishCheck', permission: 'status.decide', mayDo: users.mt, replayedBy: mtOnly, writes: false, state: statusState, setup: async () => ({ changeId: await proposed() }) },
    { verb: 'status.publish', permission: 'status.decide', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await proposed() }) },
    { verb: 'status.confirm', permission: 'status.decide', mayDo: users.mt2, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await awaitingConfirmation() }) },
    {
      verb: 'status.unread', permission: 'status.viewResponses', mayDo: users.mt3, replayedBy: mtOnly, writes: false, state: statusState,
      setup: async () => {
        const changeId = await published();
        return { announcementId: Number((await h.db.query<{ id: number }>(`SELECT id FROM status_announcements WHERE change_id = $1`, [changeId]))[0]!.id) };
      },
    },
    { verb: 'status.extend', permission: 'status.decide', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await published(), newEndDate: '2027-05-01' }) },
    { verb: 'status.endNow', permission: 'status.decide', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await published() }) },
    { verb: 'status.lapse', permission: 'status.decide', mayDo: users.mt, replayedBy: mtOnly, writes: true, state: statusState, setup: async () => ({ changeId: await published() }) },
    { verb: 'capacity.prepare', permission: 'status.propose', mayDo: users.mt, replayedBy: mtOnly, writes: false, state: capacityState, setup: async () => ({ signalId: await signalled() }) },

    // Help is organised within the regioteam: colleagues of another team may not offer or look.
    { verb: 'caseload.offer', permission: 'caseload.help', mayDo: users.consulent2, replayedBy: otherTeam, writes: true, state: caseloadState, where: teams.noord, setup: async () => ({ requestId: await asked(), amount: '1' }) },
    { verb: 'caseload.refresh', permission: 'caseload.help', mayDo: users.consulent2, replayedBy: otherTeam, writes: false, state: caseloadState, where: teams.noord, setup: async () => ({ requestId: await asked() }) },
    { verb: 'caseload.accept', permission: 'request.accept', mayDo: users.consulent, replayedBy: ownerOnly, writes: true, state: caseloadState, where: teams.noord, setup: offered },
    // The same verb from the offer notice in the requester's personal chat, with the notice's own payload.
    {
      verb: 'caseload.accept', permission: 'request.accept', mayDo: users.consulent, replayedBy: ownerOnly, writes: true, state: caseloadState, where: 'personal',
      setup: async () => {
        const { requestId } = await offered();
        await h.app.sender.settle();
        const notice = h.personalCards(users.consulent).filter((c) => JSON.stringify(c).includes(`hulpvraag H-${requestId} `)).at(-1)!;
        return (notice.actions as Array<{ title: string; data: Data }>).find((a) => a.title === 'Accepteren')!.data;
      },
    },
    // While Sanne is away her stand-in Daan accepts for her; the helper, another team and the teamleider (Daan is there) may not.
    {
      verb: 'caseload.accept', permission: 'request.accept', mayDo: users.consulent2, replayedBy: [users.consulent4, users.consulent3, users.teamleiderNoord],
      writes: true, state: caseloadState, where: 'personal', setup: offeredWhileAway, after: noAbsences,
    },
    // Daan offered before he became her stand-in: he may not accept his own offer for her (told who can); Ruben, her teamleider, may.
    {
      verb: 'caseload.accept', permission: 'request.accept', mayDo: users.teamleiderNoord, replayedBy: [users.consulent2, users.consulent4, users.consulent3],
      writes: true, state: caseloadState, where: 'personal', after: noAbsences,
      refusalFor: (intruder) => (intruder === users.consulent2 ? 'Je vervangt Sanne Bakker, maar dit aanbod is van jezelf: als vervanger accepteer je je eigen aanbod niet. Vraag je teamleider Ruben Visser' : undefined),
      setup: async () => {
        const { requestId, offerId } = await offered();
        await awayToday(users.consulent, users.consulent2);
        return { requestId, offerId };
      },
    },
    // Once she is back ("terug"), Daan's payload no longer works; hers does.
    {
      verb: 'caseload.accept', permission: 'request.accept', mayDo: users.consulent, replayedBy: [users.consulent2], writes: true, state: caseloadState, where: 'personal', after: noAbsences,
      setup: async () => {
        const offer = await offeredWhileAway();
        await h.send(personalMessage('terug', { from: users.consulent }));
        return offer;
      },
    },
    {
      verb: 'caseload.complete', permission: 'request.owner', mayDo: users.consulent, replayedBy: ownerOnly, writes: true, state: caseloadState, where: teams.noord,
      setup: async () => {
        const { requestId, offerId } = await offered();
        await ok('caseload.accept', { requestId, offerId }, users.consulent, teams.noord);
        return { requestId };
      },
    },
    { verb: 'caseload.withdraw', permission: 'request.owner', mayDo: users.consulent, replayedBy: ownerOnly, writes: true, state: caseloadState, where: teams.noord, setup: async () => ({ requestId: (await offered()).requestId }) },

    {
      verb: 'monitoring.create', permission: 'monitoring.startForOthers', mayDo: users.teamleiderNoord, replayedBy: [users.consulent, users.teamleiderZuid], writes: true, state: monitoringState,
      setup: async () => ({ kind: 'thuiszitter', caseReference: nextCase(), date: '2026-11-16', owner: users.consulent2.aadObjectId, regioteam: 'noord' }),
    },
    { verb: 'monitoring.open', permission: 'monitoring.owner', mayDo: users.consulent, replayedBy: monitoringOwner, writes: false, state: monitoringState, setup: async () => ({ itemId: await monitored() }) },
    { verb: 'monitoring.close', permission: 'monitoring.owner', mayDo: users.consulent, replayedBy: monitoringOwner, writes: true, state: monitoringState, setup: async () => ({ itemId: await monitored(), outcome: 'hulp-gestart' }) },
    { verb: 'monitoring.extend', permission: 'monitoring.owner', mayDo: users.consulent, replayedBy: monitoringOwner, writes: true, state: monitoringState, setup: async () => ({ itemId: await monitored(), newDate: '2026-12-04', reason: 'Wacht op intake.' }) },
    { verb: 'monitoring.handover', permission: 'monitoring.owner', mayDo: users.teamleiderNoord, replayedBy: monitoringOwner, writes: true, state: monitoringState, setup: async () => ({ itemId: await monitored(), newOwner: users.consulent2.aadObjectId }) },
    { verb: 'monitoring.escalate', permission: 'monitoring.owner', mayDo: users.consulent, replayedBy: monitoringOwner, writes: true, state: monitoringState, setup: async () => ({ itemId: await monitored() }) },
    { verb: 'monitoring.meeting', permission: 'monitoring.owner', mayDo: users.mt, replayedBy: monitoringOwner, writes: true, state: monitoringState, setup: async () => ({ itemId: await monitored() }) },

    {
      verb: 'mdo.decide', permission: 'mdo.owner', mayDo: users.consulent, replayedBy: [users.consulent2, users.teamleiderNoord, users.mt], writes: true, state: mdoState,
      setup: async () => {
        const advice = await ok('mdo.advise', mdoForm, users.consulent);
        const button = (advice.actions as Array<{ verb?: string; data?: { id?: string } }>).find((a) => a.verb === 'mdo.decide')!;
        return { id: button.data!.id, choice: 'accept' };
      },
    },

    // A consulent records only their own absence; the teamleider of their team and the MT anyone's.
    { verb: 'absence.record', permission: 'absence.manage', mayDo: users.teamleiderNoord, replayedBy: [users.consulent2, users.consulent3, users.teamleiderZuid], writes: true, state: absenceState, setup: async () => absenceOf(users.consulent, users.consulent2) },
    {
      verb: 'absence.end', permission: 'absence.manage', mayDo: users.consulent, replayedBy: [users.consulent2, users.consulent3, users.teamleiderZuid], writes: true, state: absenceState,
      setup: async () => {
        await ok('absence.record', absenceOf(users.consulent, users.consulent2), users.consulent);
        return { absenceId: await lastId('absences') };
      },
    },
    { verb: 'mdo.open', permission: 'mdo.owner', mayDo: users.consulent, replayedBy: mdoIntruders, writes: false, state: mdoState, setup: async () => ({ id: await mdoDecided() }) },
    { verb: 'mdo.change', permission: 'mdo.owner', mayDo: users.consulent, replayedBy: mdoIntruders, writes: true, state: mdoState, setup: async () => ({ id: await mdoDecided(), outcome: 'juridische-toets', reason: 'Eerst de grondslag laten toetsen.' }) },
    { verb: 'mdo.cancel', permission: 'mdo.owner', mayDo: users.consulent, replayedBy: mdoIntruders, writes: true, state: mdoState, setup: async () => ({ id: await mdoDecided() }) },
    // Her MDO decision while she is away: her stand-in Daan, nobody else.
    ...(['mdo.open', 'mdo.change', 'mdo.cancel'] as const).map((verb): Row => ({
      verb, permission: 'mdo.owner', mayDo: users.consulent2, replayedBy: [users.consulent4, users.teamleiderNoord, users.mt], writes: verb !== 'mdo.open', state: mdoState, after: noAbsences,
      setup: async () => {
        const id = await mdoDecided();
        await awayToday(users.consulent, users.consulent2);
        return verb === 'mdo.change' ? { id, outcome: 'schriftelijk', reason: 'Sanne is ziek; schriftelijke inbreng volstaat.' } : { id };
      },
    })),
    // The list button of her MDO reminder names her: only Daan, who stands in for her now, sees her MDOs.
    {
      verb: 'mdo.list', permission: 'mdo.owner', mayDo: users.consulent2, replayedBy: [users.consulent4, users.teamleiderNoord, users.mt], writes: false, state: mdoState, after: noAbsences,
      refusalFor: () => 'De MDO\'s van Sanne Bakker ziet alleen wie Sanne Bakker nu vervangt.',
      setup: async () => {
        await mdoDecided();
        await awayToday(users.consulent, users.consulent2);
        return { person: users.consulent.aadObjectId };
      },
    },
  ];

  beforeAll(async () => {
    h = await startHarness({ env: { WENDBAAR_FOUR_EYES: 'true' } });
    await h.send(botInstalled(teams.noord, users.teamleiderNoord));
    await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord, team: teams.noord }));
    await h.send(channelMessage('koppel zuid', { from: users.teamleiderZuid, team: teams.zuid }));
    // Consulenten first talk in their team's channel, so the bot knows their regioteam.
    for (const user of [users.consulent, users.consulent2, users.consulent4]) await h.send(channelMessage('menu', { from: user, team: teams.noord }));
    await h.send(channelMessage('menu', { from: users.consulent3, team: teams.zuid }));
    for (const user of [users.mt, users.mt2, users.mt3]) await h.send(personalMessage('menu', { from: user }));
    await h.app.sender.settle();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(table.map((row) => [row.verb, row] as const))('%s: a replay by someone else is refused, audited and changes nothing', async (_verb, row) => {
    try {
      await replay(row);
    } finally {
      await row.after?.();
    }
  });

  async function replay(row: Row) {
    const data = await row.setup();
    const before = [await row.state(), await sideEffects()];
    const whoCan = `Dit mag alleen ${PERMISSIONS[row.permission].whoCan}`;

    for (const intruder of row.replayedBy) {
      const refusal = row.refusalFor?.(intruder) ?? whoCan;
      const counted = await refusals(intruder, row.verb);
      const answer = await invoke(row.verb, data, intruder, row.where);
      expect({ who: intruder.name, type: answer.type, answer: text(answer.value) }).toEqual({ who: intruder.name, type: 'application/vnd.microsoft.activity.message', answer: expect.stringContaining(refusal) });
      expect(await refusals(intruder, row.verb)).toBe(counted + 1);
      // The audit entry says what the click pointed at (the ids the card claimed).
      const ids = Object.fromEntries(Object.entries(data).filter(([key]) => ['changeId', 'announcementId', 'requestId', 'offerId', 'itemId', 'id', 'absenceId', 'person'].includes(key)));
      expect(await lastRefusal(intruder, row.verb)).toEqual(Object.keys(ids).length ? { attempted: ids } : {});
    }
    expect([await row.state(), await sideEffects()]).toEqual(before);

    // The same payload from who may: accepted, so the replays above were refused for who sent them.
    succeeded(await invoke(row.verb, data, row.mayDo, row.where), `${row.verb} by ${row.mayDo.name}`);
    if (row.writes) expect(await row.state()).not.toEqual(before[0]);
  }

  it('menu buttons run a command with the rights of whoever clicks', async () => {
    const cases: Array<{ command: string; from: TestUser; where: TeamChannel | 'personal'; permission: Permission }> = [
      { command: 'statusaanpassing', from: users.consulent, where: 'personal', permission: 'status.propose' },
      { command: 'werkdruk team zuid', from: users.teamleiderNoord, where: 'personal', permission: 'caseload.teamView' },
      { command: 'koppel noord', from: users.consulent3, where: teams.zuid, permission: 'channel.link' },
    ];
    const links = () => rows(`SELECT id, regioteam FROM conversations WHERE regioteam IS NOT NULL ORDER BY id`);
    const linked = await links();
    for (const c of cases) {
      const counted = await refusals(c.from, 'menu.open');
      const answer = await invoke('menu.open', { command: c.command }, c.from, c.where);
      expect(text(answer.value)).toContain(`Dit mag alleen ${PERMISSIONS[c.permission].whoCan}`);
      expect(await refusals(c.from, 'menu.open')).toBe(counted + 1);
    }
    expect(await links()).toEqual(linked);
  });

  it('has a decision for every card verb: restricted (tested above) or open to everyone with a reason', () => {
    const verbs = Object.keys(h.app.router.actions).sort();
    const restricted = new Set(table.map((row) => row.verb));
    const undecided = verbs.filter((verb) => !restricted.has(verb) && !(verb in OPEN_TO_EVERYONE));
    expect(undecided).toEqual([]);
    // Both lists stay honest: no verb in both, no stale entries for verbs that no longer exist.
    expect(Object.keys(OPEN_TO_EVERYONE).filter((verb) => restricted.has(verb))).toEqual([]);
    expect([...restricted, ...Object.keys(OPEN_TO_EVERYONE)].filter((verb) => !verbs.includes(verb))).toEqual([]);
  });
});
