import { z } from 'zod';
import { monitoringItemCard, monitoringStartCard } from '../../cards/monitoring/cards';
import { itemView, startedMessage, startView, type ExtendInput, type StartFormInput } from '../../cards/monitoring/views';
import type { RenderContext } from '../../cards/registry';
import { officeZone } from '../../services/context';
import { closeItem, escalateItem, extendItem, handOverItem, openItem, recordMeeting } from '../../services/monitoring/actions/item';
import { monitoringOverview, startItem } from '../../services/monitoring/actions/start';
import { purgeClosedItems, runMonitoringDaily } from '../../services/monitoring/jobs';
import type { ItemSnapshot, MonitoringOverview } from '../../services/monitoring/types';
import { caseReferenceSchema } from '../../services/privacy';
import { isoDateInput, problemsError, requiredText, type FormProblem } from '../../services/validation';
import { action, formAction, type Feature, type FormValues, type Reply, type TurnScope } from '../feature';

const itemId = z.coerce.number().int().positive();

/** The office configuration the cards look names up in, as the delivery sender passes it. */
const rendering = (scope: TurnScope): RenderContext => ({ office: scope.config.office, zone: officeZone(scope) });

/** The `monitoring` card: the actor's own open items by due date and the form for a new one. */
const startReply = (scope: TurnScope, overview: MonitoringOverview, message = '', form?: StartFormInput): Reply =>
  ({ card: monitoringStartCard(startView(overview, scope.actor, rendering(scope), message, form)), summary: 'Monitoring' });

const itemReply = (scope: TurnScope, item: ItemSnapshot, extend?: ExtendInput): Reply => ({ card: monitoringItemCard(itemView(item, rendering(scope), extend)) });

/** The item again with "Verlengen" open, what was typed and the problems. */
async function extendReply(scope: TurnScope, values: FormValues, problems: FormProblem[]): Promise<Reply> {
  const id = Number(values.itemId);
  if (!Number.isSafeInteger(id) || id <= 0) throw problemsError(problems);
  return itemReply(scope, await openItem(scope, id), { values, problems });
}

const createSchema = z.object({
  kind: requiredText(60, 'kies de soort'),
  caseReference: caseReferenceSchema,
  date: isoDateInput(),
  owner: requiredText(200, 'kies de consulent'),
  regioteam: requiredText(60, 'kies het regioteam'),
});

export const monitoringFeature: Feature = {
  name: 'monitoring',
  commands: [
    {
      names: ['monitoring', 'termijnen'],
      title: 'Monitoring',
      description: 'Start en bekijk monitoringstermijnen.',
      button: 'Openen',
      run: async (scope) => startReply(scope, await monitoringOverview(scope)),
    },
  ],
  actions: {
    'monitoring.list': action(z.object({}).passthrough(), async (scope) => startReply(scope, await monitoringOverview(scope))),
    'monitoring.create': formAction({
      schema: createSchema,
      labels: { kind: 'Soort', caseReference: 'Casusnummer', date: 'Datum', owner: 'Consulent', regioteam: 'Regioteam' },
      reshow: async (scope, values, problems) => startReply(scope, await monitoringOverview(scope), '', { values, problems }),
    }, async (scope, data) => {
      const { kind, overview } = await startItem(scope, data);
      return startReply(scope, overview, startedMessage(data.caseReference, kind));
    }),
    'monitoring.open': action(z.object({ itemId }), async (scope, data) => itemReply(scope, await openItem(scope, data.itemId))),
    'monitoring.close': action(z.object({ itemId, outcome: z.enum(['hulp-gestart', 'afgerond']) }), async (scope, data) =>
      itemReply(scope, await closeItem(scope, data.itemId, data.outcome))),
    'monitoring.extend': formAction({
      schema: z.object({ itemId, newDate: isoDateInput('kies een nieuwe datum'), reason: requiredText(500, 'geef een reden voor de verlenging') }),
      labels: { itemId: 'Monitoringitem', newDate: 'Nieuwe datum', reason: 'Reden' },
      screen: { fields: { reason: 'casus' } },
      reshow: extendReply,
    }, async (scope, data) => itemReply(scope, await extendItem(scope, data.itemId, data.newDate, data.reason))),
    'monitoring.handover': action(
      z.object({ itemId, newOwner: requiredText(200, 'kies een collega') }),
      async (scope, data) => itemReply(scope, await handOverItem(scope, data.itemId, data.newOwner)),
      { newOwner: 'Collega' },
    ),
    'monitoring.escalate': action(z.object({ itemId }), async (scope, data) => itemReply(scope, await escalateItem(scope, data.itemId))),
    'monitoring.meeting': action(z.object({ itemId }), async (scope, data) => itemReply(scope, await recordMeeting(scope, data.itemId))),
  },
  jobs: [
    { name: 'monitoring.daily', cron: (config) => config.env.WENDBAAR_DAILY_CRON, run: async (ctx) => void (await runMonitoringDaily(ctx)) },
    { name: 'monitoring.retention', cron: (config) => config.env.WENDBAAR_DAILY_CRON, run: async (ctx) => void (await purgeClosedItems(ctx)) },
  ],
};
