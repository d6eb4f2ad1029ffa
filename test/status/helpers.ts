import type { ManualClock } from '../../services/clock';
import { botInstalled, cardAction, channelMessage, personalMessage, teams, type TeamChannel } from '../fixtures/activities';
import { statusProposal } from '../fixtures/forms';
import { users, type TestUser } from '../fixtures/people';
import { startHarness, type Harness, type InvokeBody } from '../harness/harness';

/**
 * The statusaanpassing tests' office and flow: two linked regioteam channels whose consulenten the
 * bot knows, three known MT members, and a helper that drives one change through the flow, step by
 * step, over the real HTTP path. Each test starts from the same office (freshStatus) and drives the
 * flow as far as it needs, so it runs alone and a failure stays in its own test.
 */

/** The harness clock's start: a Tuesday, before the proposal's start date. */
export const START = '2026-11-24T09:00:00+01:00';

export async function startOffice(env: Record<string, string>): Promise<Harness> {
  const h = await startHarness({ env });
  await h.send(botInstalled(teams.noord, users.teamleiderNoord));
  await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
  await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord, team: teams.noord }));
  await h.send(channelMessage('koppel zuid', { from: users.teamleiderZuid, team: teams.zuid }));
  // Consulenten act in their team's channel (so the bot knows their regioteam); MT members say hello.
  for (const [user, team] of [[users.consulent, teams.noord], [users.consulent2, teams.noord], [users.consulent3, teams.zuid], [users.consulent4, teams.zuid]] as Array<[TestUser, TeamChannel]>) {
    await h.send(channelMessage('status', { from: user, team }));
  }
  for (const mt of [users.mt, users.mt2, users.mt3]) await h.send(personalMessage('menu', { from: mt }));
  await h.app.sender.settle();
  h.connector.reset();
  return h;
}

/**
 * Back to the office as startOffice left it: no statusaanpassingen, nothing queued or audited, no
 * job runs, the clock at START and no recorded Teams calls. People and linked channels stay.
 */
export async function freshStatus(h: Harness): Promise<void> {
  await h.app.sender.settle();
  await h.db.query(`TRUNCATE status_audience, status_reads, status_responses, status_announcements, status_changes, deliveries, audit_log, cron_runs RESTART IDENTITY`);
  (h.clock as ManualClock).set(START);
  h.connector.reset();
}

export const changeIds = async (h: Harness) => (await h.db.query<{ id: number }>(`SELECT id FROM status_changes ORDER BY id`)).map((r) => Number(r.id));

/** A card action the flow needs to succeed: anything but a card back (a refusal, an error) stops the test here. */
export async function act(h: Harness, verb: string, data: Record<string, unknown>, options: Parameters<typeof cardAction>[2]): Promise<InvokeBody> {
  const answer = await h.invoke(cardAction(verb, data, options));
  if (answer.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`${verb} by ${options?.from?.name} answered: ${JSON.stringify(answer.value)}`);
  return answer;
}

const fire = async (h: Harness, ...days: string[]) => {
  for (const day of days) await h.app.scheduler.fire('status.daily', new Date(`${day}T08:00:00+01:00`));
};

/** The steps of the four-eyes flow, in order, each with the state the change is in after it. */
const FLOW = [
  { step: 'draft', state: 'draft', run: (h: Harness) => act(h, 'status.preview', statusProposal, { from: users.mt }) },
  {
    step: 'consulting',
    state: 'proposed',
    run: (h: Harness, changeId: number) => act(h, 'status.consult', { changeId, deadline: '2026-11-27', regioteams: 'noord,zuid' }, { from: users.mt }),
  },
  {
    step: 'answered',
    state: 'proposed',
    run: async (h: Harness, changeId: number) => {
      await act(h, 'status.respond', { changeId, answer: 'akkoord', comment: 'Begrijpelijk.' }, { from: users.consulent, where: teams.noord });
      await act(h, 'status.respond', { changeId, answer: 'zorgen', comment: 'Twee VIOS-overleggen in Zuid lopen door.' }, { from: users.consulent3, where: teams.zuid });
      await act(h, 'status.respond', { changeId, answer: 'opmerking', comment: 'Graag een format voor schriftelijke inbreng.' }, { from: users.consulent2, where: teams.noord });
      await act(h, 'status.respond', { changeId, answer: 'zorgen', comment: 'Toch zorgen.' }, { from: users.consulent2, where: teams.noord });
    },
  },
  { step: 'awaitingConfirmation', state: 'awaiting_confirmation', run: (h: Harness, changeId: number) => act(h, 'status.publish', { changeId }, { from: users.mt }) },
  { step: 'published', state: 'published', run: (h: Harness, changeId: number) => act(h, 'status.confirm', { changeId }, { from: users.mt2 }) },
  {
    step: 'read',
    state: 'published',
    run: async (h: Harness, changeId: number) => {
      const announcementId = await announcementOf(h, changeId);
      await act(h, 'status.read', { announcementId }, { from: users.consulent, where: teams.noord });
      await act(h, 'status.read', { announcementId }, { from: users.consulent3, where: teams.zuid });
    },
  },
  { step: 'reminded', state: 'published', run: (h: Harness) => fire(h, '2026-11-25', '2026-11-26', '2026-11-27') },
  { step: 'expiryCards', state: 'published', run: (h: Harness) => fire(h, '2027-02-22', '2027-02-23', '2027-03-02', '2027-03-03') },
  {
    step: 'extended',
    state: 'published',
    run: async (h: Harness, changeId: number) => {
      (h.clock as ManualClock).set('2027-03-03T10:00:00+01:00');
      await act(h, 'status.extend', { changeId, newEndDate: '2027-05-01' }, { from: users.mt2 });
      await fire(h, '2027-03-04');
    },
  },
] as const;
export type FlowStep = (typeof FLOW)[number]['step'];

export async function announcementOf(h: Harness, changeId: number): Promise<number> {
  const [announcement] = await h.db.query<{ id: number }>(`SELECT id FROM status_announcements WHERE change_id = $1 ORDER BY id`, [changeId]);
  if (!announcement) throw new Error(`change ${changeId} has no announcement`);
  return Number(announcement.id);
}

/**
 * Drives the MT's proposal "Ring 3 gepauzeerd" (four eyes: Fatima publishes, Bram confirms) through
 * the flow up to and including `last`, and lets the sender deliver everything it queued.
 */
export async function driveTo(h: Harness, last: FlowStep): Promise<{ changeId: number }> {
  let changeId = 0;
  for (const { step, state, run } of FLOW) {
    await run(h, changeId);
    if (step === 'draft') changeId = (await changeIds(h)).at(-1)!;
    const [row] = await h.db.query<{ state: string }>(`SELECT state FROM status_changes WHERE id = $1`, [changeId]);
    if (row?.state !== state) throw new Error(`driving the flow: after "${step}" change ${changeId} is ${row?.state}, not ${state}`);
    if (step === last) break;
  }
  await h.app.sender.settle();
  return { changeId };
}

/** An urgent change (consultation skipped) published by one MT member, without four eyes. */
export async function publishUrgent(h: Harness, proposal: Record<string, string>): Promise<number> {
  await act(h, 'status.preview', { ...statusProposal, ...proposal }, { from: users.mt });
  const changeId = (await changeIds(h)).at(-1)!;
  await act(h, 'status.skipConsultation', { changeId, skipReason: 'Acute uitval van vier collega\'s.' }, { from: users.mt });
  await act(h, 'status.publish', { changeId }, { from: users.mt });
  await h.app.sender.settle();
  return changeId;
}
