import type { TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { commandText } from '../../bot/activity-input';
import { createLogger } from '../../services/logger';
import { BOT, channelMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

interface LogLine {
  level: number;
  msg?: string;
  correlationId?: string;
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const mentionOfBot = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };
/** `entities` as a forged or broken request might carry them (botbuilder's mention parsing throws on these). */
const garbageEntities: unknown[] = [
  'mention',
  42,
  { length: 2 },
  [null],
  [7, 'x', {}],
  [{ type: 5 }],
  [{ type: 'mention', mentioned: null, text: '<at>Wendbaar</at>' }],
  [{ type: 'mention', mentioned: BOT, text: null }],
  [{ type: 'Mention', mentioned: { id: { nested: true } }, text: 12 }],
];

describe('mentions: the command a user typed, whatever the entities say', () => {
  it('removes the bot mention a well-formed entity names, and keeps other words', () => {
    expect(words(commandText({ text: '<at>Wendbaar</at> koppel noord', recipient: BOT, entities: [mentionOfBot] } as never))).toBe('koppel noord');
    expect(words(commandText({ text: 'menu', recipient: BOT } as never))).toBe('menu');
    // A mention of someone else is not the addressing of the bot: its name stays as plain text.
    const other = { type: 'mention', text: '<at>Jan</at>', mentioned: { id: '29:jan' } };
    expect(words(commandText({ text: '<at>Wendbaar</at> hoi <at>Jan</at>', recipient: BOT, entities: [other, mentionOfBot] } as never))).toBe('hoi Jan');
  });

  it.each(garbageEntities.map((entities) => [JSON.stringify(entities), entities]))('reads "koppel noord" with entities %s', (_label, entities) => {
    expect(words(commandText({ text: '<at>Wendbaar</at> koppel noord', recipient: BOT, entities } as never))).toBe('koppel noord');
  });

  it('copes with a missing recipient or text', () => {
    expect(words(commandText({ text: '<at>Wendbaar</at> menu', recipient: null, entities: [mentionOfBot] } as never))).toBe('menu');
    expect(commandText({ text: null, recipient: BOT, entities: [mentionOfBot] } as never)).toBe('');
    expect(commandText({ text: 17 } as never)).toBe('');
  });

  describe('through /api/messages', () => {
    let h: Harness;
    const lines: LogLine[] = [];
    beforeAll(async () => {
      h = await startHarness({ log: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) }) });
    });
    afterAll(async () => {
      await h.close();
    });

    it('answers a channel message with broken mention entities as what was typed, logging no error', async () => {
      await h.send(channelMessage('koppel noord', { from: users.consulent, team: teams.noord, entities: [null, { type: 5 }, { type: 'mention', mentioned: null }] }));
      // The command ran (a consulent may not link a channel), instead of "something went wrong".
      expect(JSON.stringify(h.lastCard() ?? {})).toContain('Dit mag alleen het MT of de teamleider van dit regioteam');
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    });

    it('logs an unhandled turn error with a correlation id and tells the user the same id in Dutch', async () => {
      const adapterLines: LogLine[] = [];
      const adapter = createAdapter(h.config, createLogger('info', { write: (line: string) => void adapterLines.push(JSON.parse(line) as LogLine) }));
      const sent: unknown[] = [];
      const context = { activity: { type: 'message', id: 'a1' }, sendActivity: async (activity: unknown) => void sent.push(activity) } as unknown as TurnContext;
      await adapter.onTurnError(context, new Error('database gone'));
      expect(adapterLines).toHaveLength(1);
      const [line] = adapterLines;
      expect(line!.level).toBe(50);
      expect(line!.correlationId).toMatch(/^[0-9a-f]{8}$/);
      expect(sent).toEqual([expect.stringContaining(`Kenmerk: ${line!.correlationId}`)]);
      expect(sent[0]).toContain('Er ging iets mis aan onze kant');
    });
  });
});
