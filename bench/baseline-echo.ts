import restify from 'restify';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

/**
 * The baseline: a minimal plain botbuilder echo bot (CloudAdapter on restify, no credentials, no
 * database). It answers a message with its text and a card action with an invoke response, through
 * the same Bot Connector stand-in, so Wendbaar's figures can be given as a ratio of it.
 */
export interface Baseline {
  url: string;
  close(): Promise<void>;
}

export async function startBaseline(): Promise<Baseline> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' }));
  const logic = async (context: TurnContext) => {
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    } else if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'echo' } },
      });
    }
  };
  const server = restify.createServer({ name: 'baseline-echo' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
