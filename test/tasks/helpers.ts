import { botInstalled, cardAction, channelMessage, personalConversationId, personalMessage, teams, type TeamChannel } from '../fixtures/activities';
import type { TestUser } from '../fixtures/people';
import { users } from '../fixtures/people';
import { cardsOf, startHarness, type Harness, type InvokeBody } from '../harness/harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Card = Record<string, any>;

export interface ListRow {
  group: string;
  text: string;
  detail: string;
  buttons: Array<{ title: string; verb: string; data: Card }>;
}

/** The `taken` card as a person reads it: its groups' rows with their buttons, the message line and "en nog N". */
export function readList(card: Card) {
  const body = (card.body ?? []) as Card[];
  const rows: ListRow[] = [];
  const more: Record<string, string> = {};
  const groups: string[] = [];
  let message = '';
  for (const block of body) {
    const items = (block.items ?? []) as Card[];
    if (block.type === 'Container' && items[0]?.color === 'Accent') {
      const group = String(items[0].text).replace(/ \(\d+\)$/, '');
      groups.push(String(items[0].text));
      for (const item of items.slice(1)) {
        if (item.type === 'Container') {
          const actions = ((item.items as Card[])[2]?.actions ?? []) as Card[];
          rows.push({ group, text: item.items[0].text, detail: item.items[1].text, buttons: actions.map((a) => ({ title: a.title, verb: a.verb, data: a.data })) });
        } else if (item.type === 'ColumnSet') {
          more[group] = item.columns[0].items[0].text;
        }
      }
    } else if (block.type === 'Container' && block.style && block.style !== 'emphasis') {
      message = String(items[0]?.text ?? '');
    }
  }
  const all = JSON.stringify(card);
  return { rows, groups, more, message, empty: body.some((b) => b.type === 'TextBlock' && /Er wacht nu niets op je/.test(b.text)), bytes: Buffer.byteLength(all) };
}

export const CARD = 'application/vnd.microsoft.card.adaptive';

/** An office with Noord (Sanne, Daan, Milan) and Zuid (Noor) linked to their channels, the MT known. */
export async function startOffice(env: Record<string, string> = {}): Promise<Harness> {
  const h = await startHarness({ env });
  await h.send(botInstalled(teams.noord, users.teamleiderNoord));
  await h.send(botInstalled(teams.zuid, users.teamleiderZuid));
  await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord, team: teams.noord }));
  await h.send(channelMessage('koppel zuid', { from: users.teamleiderZuid, team: teams.zuid }));
  const members: Array<[TestUser, TeamChannel]> = [
    [users.consulent, teams.noord], [users.consulent2, teams.noord], [users.consulent4, teams.noord], [users.consulent3, teams.zuid],
  ];
  for (const [user, team] of members) await h.send(channelMessage('menu', { from: user, team }));
  for (const user of [users.mt, users.mt2, users.teamleiderNoord, users.teamleiderZuid]) await h.send(personalMessage('menu', { from: user }));
  await h.app.sender.settle();
  h.connector.reset();
  return h;
}

/** Types `taken` in the personal chat and returns the card the bot answered with. */
export async function taken(h: Harness, user: TestUser, command = 'taken'): Promise<Card> {
  await h.send(personalMessage(command, { from: user }));
  const reply = h.connector.calls.filter((c) => c.op === 'reply' && c.conversationId === personalConversationId(user)).flatMap(cardsOf).at(-1);
  if (!reply) throw new Error(`no answer to "${command}" for ${user.name}`);
  return reply as Card;
}

/** Clicks a row's button in the personal chat, as Teams sends it; returns the invoke answer. */
export async function click(h: Harness, user: TestUser, card: Card, row: RegExp, button: string): Promise<InvokeBody> {
  const found = readList(card).rows.find((r) => row.test(r.text));
  if (!found) throw new Error(`no row ${row} in ${user.name}'s list: ${readList(card).rows.map((r) => r.text).join(' | ')}`);
  const action = found.buttons.find((b) => b.title === button);
  if (!action) throw new Error(`row ${row} has no button "${button}" (${found.buttons.map((b) => b.title).join(', ')})`);
  return h.invoke(cardAction(action.verb, action.data, { from: user }));
}

/** The last card the bot put into a channel post (sent or updated in place), with that post's activity id. */
export function channelCard(h: Harness, team: TeamChannel, match: RegExp): { card: Card; activityId?: string; op: string } | undefined {
  const calls = h.connector.delivered().filter((c) => c.conversationId === team.channelId && (c.op === 'send' || c.op === 'update'));
  for (const call of [...calls].reverse()) {
    const card = cardsOf(call)[0];
    if (card && match.test(JSON.stringify(card))) return { card: card as Card, activityId: call.activityId, op: call.op };
  }
  return undefined;
}
