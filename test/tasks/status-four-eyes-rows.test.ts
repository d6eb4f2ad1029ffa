import { botInstalled, channelMessage, personalMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { statusProposal } from '../fixtures/forms';
import { act, changeIds, freshStatus } from '../status/helpers';
import { readList, taken } from './helpers';

/**
 * Four-eyes: one MT member decides, a second confirms, and only then it is announced. Both wrote
 * the decision, so neither is asked to read it in `taken`; the third MT member is.
 */
describe('taken: a four-eyes decision is read for both MT members who decided it', () => {
  let h: Harness;
  const statusRows = async (user: Parameters<typeof taken>[1]) => readList(await taken(h, user)).rows.filter((r) => r.group === 'Statusaanpassingen');

  beforeAll(async () => {
    h = await startHarness({ env: { WENDBAAR_FOUR_EYES: 'true' } });
    await h.send(botInstalled(teams.noord, users.teamleiderNoord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord, team: teams.noord }));
    await h.send(channelMessage('menu', { from: users.consulent, team: teams.noord }));
    for (const user of [users.mt, users.mt2, users.mt3]) await h.send(personalMessage('menu', { from: user }));
    await freshStatus(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the deciding and the confirming MT member have nothing to read; the third MT member and the team do', async () => {
    await act(h, 'status.preview', statusProposal, { from: users.mt });
    const changeId = (await changeIds(h)).at(-1)!;
    await act(h, 'status.skipConsultation', { changeId, skipReason: 'Acute uitval van vier collega\'s.' }, { from: users.mt });
    await act(h, 'status.publish', { changeId }, { from: users.mt });
    await act(h, 'status.confirm', { changeId }, { from: users.mt2 });
    await h.app.sender.settle();

    const announced = /Statusaanpassing besloten door het MT/;
    expect(await statusRows(users.mt)).toEqual([]);
    expect(await statusRows(users.mt2)).toEqual([]);
    expect((await statusRows(users.mt3)).map((r) => r.text)).toEqual([expect.stringMatching(announced)]);
    expect((await statusRows(users.consulent)).map((r) => r.text)).toEqual([expect.stringMatching(announced)]);
  });
});
