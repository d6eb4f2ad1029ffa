import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { cardAttachment } from '../cards/render';
import { welcomeCard } from '../cards/welcome';
import { audit } from '../services/audit/store';
import { deactivateConversation, recordTeamInstall, recordTeamRemoved, upsertConversation } from '../services/conversations/store';
import { forgetActivity } from '../services/turns/store';
import { enqueueCount, enqueueDelivery } from '../services/deliveries/enqueue';
import type { AppDeps } from './app-deps';
import { handleTurnError } from './errors';
import { isTransientInfrastructureError } from '../services/errors';
import type { Reply, TurnScope } from './feature';
import type { Router } from './router';
import { rememberJoinedMembers, syncTeamRoster } from './roster';
import { attemptedIds, commandText, isWellFormed } from './activity-input';
import { claimActivity, createTurnScope, describeConversation, forgetConversation, storedReference } from './turn-scope';

export const toActivity = (reply: Reply): Partial<Activity> =>
  'card' in reply
    ? { type: ActivityTypes.Message, attachments: [cardAttachment(reply.card)], summary: reply.summary }
    : { type: ActivityTypes.Message, text: reply.text };

const invokeCard = (reply: Reply) =>
  'card' in reply
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.text };

const activityKey = (activity: Activity) => `${activity.conversation?.id ?? ''}|${activity.id}`;

/** Teams retries activities it got no timely answer for; every id is handled once. */
async function firstTime(deps: AppDeps, context: TurnContext, failedTurns: Set<string>): Promise<boolean> {
  const activity = context.activity;
  if (!activity.id) return true;
  // Its earlier turn failed on passing trouble and the database could not be told: handle the retry.
  if (failedTurns.delete(activityKey(activity))) return true;
  return claimActivity(deps, context, activityKey(activity));
}

/** The bot's turn logic: thin, everything else lives in the router's handlers and services/. */
export function createBotLogic(deps: AppDeps, router: Router) {
  /** Activities whose turn failed on passing trouble while the database could not be reached to forget them. */
  const failedTurns = new Set<string>();

  /** The logger and correlation id of a turn whose scope does not exist (yet), so its error lines carry the id too. */
  function unscopedTurn(context: TurnContext, verb?: string) {
    const correlationId = randomUUID().slice(0, 8);
    return { log: deps.log.child({ correlationId, activityId: context.activity.id, type: context.activity.type, verb }), correlationId };
  }

  /** What handleTurnError needs: the turn's own logger and id, or fresh ones when it failed before it had a scope. */
  function errorContext(context: TurnContext, scope: TurnScope | undefined, verb?: string, data?: unknown) {
    const attempted = attemptedIds(data);
    if (scope) return { log: scope.log, correlationId: scope.correlationId, actorAad: scope.actor.aadObjectId, verb, attempted };
    return { ...unscopedTurn(context, verb), actorAad: context.activity.from?.aadObjectId, verb, attempted };
  }

  /**
   * A turn that failed because the database or network was away stored nothing, and the user was
   * asked to try again: Teams' retry of the same activity must then be handled, not ignored.
   */
  async function forgetFailedTurn(activity: Activity, error: unknown): Promise<void> {
    if (!activity.id || !isTransientInfrastructureError(error)) return;
    try {
      await forgetActivity(deps.db, activityKey(activity));
    } catch {
      // Still away: remember it here (a retry reaching another replica is then refused as a duplicate).
      if (failedTurns.size >= 10_000) failedTurns.delete(failedTurns.values().next().value!);
      failedTurns.add(activityKey(activity));
    }
  }

  async function onMessage(context: TurnContext): Promise<void> {
    let scope: TurnScope | undefined;
    try {
      const text = commandText(context.activity);
      scope = await createTurnScope(deps, context);
      const replies = await router.runCommand(scope, text);
      for (const reply of replies) await context.sendActivity(toActivity(reply));
    } catch (error) {
      await forgetFailedTurn(context.activity, error);
      const handled = await handleTurnError(deps, error, errorContext(context, scope));
      await context.sendActivity(toActivity(handled.reply));
    }
  }

  async function onCardAction(context: TurnContext): Promise<InvokeResponse> {
    const value = (context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
    const verb = typeof value.action?.verb === 'string' ? value.action.verb : '';
    let scope: TurnScope | undefined;
    try {
      scope = await createTurnScope(deps, context, verb);
      const enqueuedBefore = enqueueCount();
      // Card data carries the verb's inputs only; identity comes from the activity (scope.actor).
      const reply = await router.runAction(scope, verb, value.action?.data);
      // Waking the sender costs a claim query and two gauge queries; only do it when this turn (or a
      // concurrent one) may have queued a post. The sender's poll picks up anything else.
      if (enqueueCount() !== enqueuedBefore) deps.kickDeliveries();
      return { status: 200, body: invokeCard(reply) };
    } catch (error) {
      await forgetFailedTurn(context.activity, error);
      const handled = await handleTurnError(deps, error, errorContext(context, scope, verb, value.action?.data));
      return { status: 200, body: invokeCard({ text: handled.text }) };
    }
  }

  async function onInstalledInTeam(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const conv = describeConversation(activity);
    if (!conv.teamId) return;
    const teamName = conv.teamName ?? 'team';
    await deps.db.transaction(async (tx) => {
      const groupId = (activity.channelData as { team?: { aadGroupId?: string } } | undefined)?.team?.aadGroupId;
      const isNew = await recordTeamInstall(tx, { teamId: conv.teamId!, name: conv.teamName, tenantId: conv.tenantId, serviceUrl: activity.serviceUrl, groupId });
      // In Teams the General channel's conversation id equals the team id.
      await upsertConversation(tx, { id: conv.teamId!, kind: 'channel', teamId: conv.teamId, name: 'General', reference: storedReference(activity, conv.teamId!) });
      if (conv.id !== conv.teamId) {
        await upsertConversation(tx, { id: conv.id, kind: 'channel', teamId: conv.teamId, reference: storedReference(activity, conv.id) });
      }
      if (!isNew) return;
      await audit(tx, { actor: activity.from?.aadObjectId ?? 'teams', action: 'team.install', subject: conv.teamId });
      const card = welcomeCard({ teamName, exampleTeam: deps.config.office.regioteams[0]!.id });
      const installedAt = deps.clock.now().toISOString();
      await enqueueDelivery(tx, { kind: 'post', idempotencyKey: `welcome:${conv.teamId}:${installedAt}`, conversationId: conv.teamId!, payload: { card, summary: 'Welkom bij Wendbaar' } });
    });
    forgetConversation(deps.db, conv.teamId);
    forgetConversation(deps.db, conv.id);
    deps.kickDeliveries();
    // Everyone in the team becomes reachable for personal notifications, also before they talk to the bot.
    await syncTeamRoster(context, deps.db, unscopedTurn(context).log, conv.teamId);
  }

  /**
   * Added in someone's personal chat: greet them with what they can do, and remember the chat so
   * personal notifications can reach them. (Teams also sends installationUpdate; that one is not
   * answered, so the greeting comes once.)
   */
  async function onInstalledPersonally(context: TurnContext): Promise<void> {
    if (!context.activity.from?.aadObjectId) return;
    const scope = await createTurnScope(deps, context);
    const [menu] = await router.runCommand(scope, 'menu');
    await context.sendActivity({ type: ActivityTypes.Message, text: `Welkom bij Wendbaar, ${scope.actor.name || 'collega'}! Typ **menu** wanneer je wilt zien wat je kunt doen.` });
    if (menu) await context.sendActivity(toActivity(menu));
  }

  async function onRemovedFromTeam(context: TurnContext): Promise<void> {
    const conv = describeConversation(context.activity);
    if (!conv.teamId) return;
    await deps.db.transaction(async (tx) => {
      await recordTeamRemoved(tx, conv.teamId!, 'bot removed from team');
      await audit(tx, { actor: context.activity.from?.aadObjectId ?? 'teams', action: 'team.uninstall', subject: conv.teamId });
    });
    forgetConversation(deps.db, conv.teamId);
  }

  async function onChannelEvent(context: TurnContext, eventType: string): Promise<void> {
    const channelData = context.activity.channelData as { team?: { id?: string }; channel?: { id?: string; name?: string } };
    const channelId = channelData.channel?.id;
    const teamId = channelData.team?.id;
    if (!channelId || !teamId) return;
    forgetConversation(deps.db, channelId);
    if (eventType === 'channelDeleted') {
      await deactivateConversation(deps.db, channelId);
    } else if (eventType === 'channelCreated' || eventType === 'channelRenamed' || eventType === 'channelRestored') {
      const reference = { ...storedReference(context.activity, channelId) };
      await upsertConversation(deps.db, { id: channelId, kind: 'channel', teamId, name: channelData.channel?.name, reference });
    }
  }

  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const started = process.hrtime.bigint();
    let outcome = 'ok';
    try {
      if (!isWellFormed(activity)) {
        outcome = 'malformed';
        deps.log.warn({ correlationId: randomUUID().slice(0, 8), type: activity.type }, 'malformed activity ignored');
        if (activity.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400 } });
        return;
      }
      let first: boolean;
      try {
        first = await firstTime(deps, context, failedTurns);
      } catch (error) {
        // The database is away before anything happened: answer "try again shortly" instead of an empty 501.
        if (!isTransientInfrastructureError(error)) throw error;
        outcome = 'unavailable';
        const handled = await handleTurnError(deps, error, unscopedTurn(context));
        if (activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: invokeCard({ text: handled.text }) } });
        } else if (activity.type === ActivityTypes.Message) {
          await context.sendActivity(toActivity(handled.reply));
        }
        return;
      }
      if (!first) {
        outcome = 'duplicate';
        if (activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: invokeCard({ text: 'Dit verzoek is al verwerkt.' }) } });
        }
        return;
      }
      switch (activity.type) {
        case ActivityTypes.Message:
          await onMessage(context);
          break;
        case ActivityTypes.Invoke: {
          const response: InvokeResponse =
            activity.name === 'adaptiveCard/action'
              ? await onCardAction(context)
              : { status: 501 };
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
          break;
        }
        case ActivityTypes.ConversationUpdate: {
          const botId = activity.recipient?.id;
          const eventType = (activity.channelData as { eventType?: string } | undefined)?.eventType ?? '';
          if (activity.membersAdded?.some((m) => m.id === botId)) {
            if (activity.conversation?.conversationType === 'personal') await onInstalledPersonally(context);
            else await onInstalledInTeam(context);
          }
          else if (activity.membersRemoved?.some((m) => m.id === botId)) await onRemovedFromTeam(context);
          else if (activity.membersAdded?.length && describeConversation(activity).teamId) await rememberJoinedMembers(context, deps.db, unscopedTurn(context).log);
          else if (eventType.startsWith('channel')) await onChannelEvent(context, eventType);
          break;
        }
        case ActivityTypes.InstallationUpdate:
          if (activity.action === 'add' || activity.action === 'add-upgrade') await onInstalledInTeam(context);
          else if (activity.action === 'remove') await onRemovedFromTeam(context);
          break;
        default:
          outcome = 'ignored';
      }
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      deps.metrics.activities.inc({ type: activity.type, outcome });
      deps.metrics.latency.observe({ type: activity.type }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}
