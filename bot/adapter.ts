import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type Response } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import type { Config } from '../config';
import type { Logger } from '../services/logger';
import { internalErrorText } from './errors';

/** Errors the token library throws for a bad token (bad signature, malformed, not yet valid). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder lets a token with a forged signature escape as a plain JsonWebTokenError, which
 * CloudAdapter answers with HTTP 500 (so Teams retries it). Every bad token is a 401.
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly replyClients = new ReplyClients();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      if (result.connectorFactory) result.connectorFactory = this.replyClients.around(result.connectorFactory);
      return result;
    } catch (error) {
      if (!(error instanceof AuthenticationError) && TOKEN_ERRORS.has((error as Error)?.name)) {
        throw new AuthenticationError(`Unauthorized. ${(error as Error).message}`, 401);
      }
      throw error;
    }
  }
}

/**
 * The clients that answer incoming activities, one per service URL and audience. botbuilder builds
 * a new ConnectorClient (an HTTP pipeline with its policies, and credentials) for every incoming
 * activity, about half a millisecond of CPU per turn; a client holds no per-turn state, so one per
 * Teams region serves every turn. Proactive posts (bot/connector.ts) get their own clients, without
 * the SDK's retry policy, through continueConversationAsync. A handful of service URLs exist; the
 * bound only keeps a stream of odd ones (local mode, tests) from growing the map.
 */
class ReplyClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private static readonly MAX = 32;

  around(factory: ConnectorFactory): ConnectorFactory {
    return { create: (serviceUrl: string, audience?: string) => this.get(factory, serviceUrl, audience) } as ConnectorFactory;
  }

  private get(factory: ConnectorFactory, serviceUrl: string, audience: string | undefined): Promise<ConnectorClient> {
    const key = `${audience ?? ''} ${serviceUrl}`;
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= ReplyClients.MAX) this.clients.delete(this.clients.keys().next().value as string);
      client = factory.create(serviceUrl, audience);
      // A failed creation (e.g. no token endpoint) is not kept: the next turn tries again.
      const created = client;
      created.catch(() => {
        if (this.clients.get(key) === created) this.clients.delete(key);
      });
      this.clients.set(key, client);
    }
    return client;
  }
}

/**
 * The Bot Framework adapter. With no app id the SDK skips token checks (local mode, loopback only);
 * with credentials every incoming request must carry a valid Bot Framework token.
 * `authOverrides` lets tests point the token checks at a local OpenID/JWKS endpoint.
 */
export function createAdapter(config: Config, log: Logger, authOverrides: Record<string, string> = {}): CloudAdapter {
  const { env } = config;
  const auth = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: env.MicrosoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    // The SDK asserts an app id for SingleTenant; local mode has none, so it runs as MultiTenant.
    MicrosoftAppType: config.localMode ? 'MultiTenant' : env.MicrosoftAppType,
    ...authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  // CloudAdapter checks the activity's shape (e.g. `type` must be a string) outside its own error
  // handling, so a malformed body escaped as HTTP 500 carrying the SDK's message. It is a 400.
  const process = adapter.process.bind(adapter) as (...args: unknown[]) => Promise<void>;
  adapter.process = (async (...args: unknown[]) => {
    try {
      await process(...args);
    } catch (error) {
      const correlationId = randomUUID().slice(0, 8);
      log.warn({ correlationId, errorName: (error as Error)?.name }, 'malformed activity refused');
      const res = args[1] as Response & { headersSent?: boolean };
      if (args.length === 3 && !res.headersSent) {
        res.status(400);
        res.send({ error: 'malformed activity', correlationId });
        res.end();
      }
    }
  }) as CloudAdapter['process'];
  adapter.onTurnError = async (context, error) => {
    // Reached only when the turn logic itself could not answer (e.g. the database is gone while a
    // team install is recorded). Like every error line of a turn it carries a correlation id, and
    // the user gets the same id to quote.
    const correlationId = randomUUID().slice(0, 8);
    log.error({ err: error, correlationId, activityId: context.activity?.id, type: context.activity?.type }, 'unhandled turn error');
    if (context.activity?.type === 'message') {
      await context.sendActivity(internalErrorText(correlationId)).catch(() => undefined);
    }
  };
  return adapter;
}
