import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../services/logger';

/**
 * The Bot Framework adapter. With no app id the SDK skips token checks (local mode, loopback only);
 * with credentials every incoming request must carry a valid Bot Framework token.
 * `authOverrides` lets tests point the token checks at a local OpenID/JWKS endpoint.
 */
export function createAdapter(config: Config, log: Logger, authOverrides: Record<string, string> = {}): CloudAdapter {
  const { env } = config;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: env.MicrosoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    // The SDK asserts an app id for SingleTenant; local mode has none, so it runs as MultiTenant.
    MicrosoftAppType: config.localMode ? 'MultiTenant' : env.MicrosoftAppType,
    ...authOverrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // Reached only when the turn logic itself could not answer (e.g. the database is gone).
    log.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'unhandled turn error');
    if (context.activity.type === 'message') {
      await context
        .sendActivity('Wendbaar kan je bericht nu even niet verwerken. Probeer het zo opnieuw.')
        .catch(() => undefined);
    }
  };
  return adapter;
}
