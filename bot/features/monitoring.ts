import { z } from 'zod';
import { monitoringStartCard } from '../../cards/monitoring/cards';
import { dutchDate, isoDay, localDay } from '../../services/dates';
import { purgeClosedItems, runMonitoringDaily } from '../../services/monitoring/daily';
import {
  closeItem, createItem, escalateItem, extendItem, handOverItem, itemCardFor, kindOrThrow, ownOpenItems, recordMeeting, zoneOf,
  type ActionContext,
} from '../../services/monitoring/items';
import { findKind } from '../../config/monitoring-rules';
import { peopleInTeam } from '../../services/people';
import { caseReferenceSchema } from '../../services/privacy';
import { isoDateInput, requiredText } from '../../services/validation';
import { forbidden } from '../../services/errors';
import { authorize, can } from '../../services/authz';
import { action, type Feature, type Reply, type TurnScope } from '../routes';

const itemId = z.coerce.number().int().positive();

const ctxOf = (scope: TurnScope): ActionContext => ({
  config: scope.deps.config,
  actor: scope.actor,
  now: scope.deps.clock.now(),
  correlationId: scope.correlationId,
});

/** The `monitoring` card: the actor's own open items by due date and the form for a new one. */
async function startCard(scope: TurnScope, message = ''): Promise<Reply> {
  const { db, config } = scope.deps;
  const zone = zoneOf(config);
  const rules = config.office.monitoringRules;
  const team = scope.actor.regioteam ?? scope.conversation.regioteam ?? config.office.regioteams[0]!.id;
  // Only who may start items for others (the team's teamleider, the MT) chooses the consulent.
  const colleagues = can(scope.actor, 'monitoring.startForOthers', { regioteam: team }) ? await peopleInTeam(db, team) : [];
  const owners = [{ title: `${scope.actor.name || 'Ik'} (ik)`, value: scope.actor.aadObjectId }, ...colleagues
    .filter((p) => p.aad_object_id !== scope.actor.aadObjectId && p.name)
    .map((p) => ({ title: p.name, value: p.aad_object_id }))];
  const items = (await ownOpenItems(db, scope.actor.aadObjectId)).map((row) => {
    const kind = findKind(rules, row.kind);
    const stage = kind?.stages.find((s) => s.id === row.stage);
    return {
      itemId: Number(row.id),
      due: row.due_on ? dutchDate(row.due_on, zone) : '—',
      text: `${row.case_reference} · ${kind?.label ?? row.kind}${stage ? `: ${stage.text}` : ''}`,
    };
  });
  return {
    card: monitoringStartCard({
      message,
      hint: `Datum: ${rules.kinds.map((k) => `${k.label.toLowerCase()} = ${k.anchorLabel.toLowerCase()}`).join('; ')}.`,
      items,
      kinds: rules.kinds.map((k) => ({ title: k.label, value: k.id })),
      owners,
      defaultOwner: scope.actor.aadObjectId,
      teams: config.office.regioteams.map((t) => ({ title: t.name, value: t.id })),
      defaultTeam: team,
    }),
    summary: 'Monitoring',
  };
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
      run: (scope) => startCard(scope),
    },
  ],
  actions: {
    'monitoring.list': action(z.object({}).passthrough(), (scope) => startCard(scope)),
    'monitoring.create': action(
      createSchema,
      async (scope, data) => {
        const { db, config } = scope.deps;
        const kind = kindOrThrow(config.office, data.kind);
        // Only the owner themself, their teamleider or the MT may start an item for someone.
        if (data.owner !== scope.actor.aadObjectId) {
          authorize(scope.actor, 'monitoring.startForOthers', { regioteam: data.regioteam });
          const team = await peopleInTeam(db, data.regioteam);
          if (!team.some((p) => p.aad_object_id === data.owner)) throw forbidden('Kies een consulent uit het gekozen regioteam.');
        }
        const id = await createItem(db, config, {
          kind: kind.id, caseReference: data.caseReference, date: data.date, ownerAad: data.owner, regioteam: data.regioteam, createdBy: scope.actor.aadObjectId,
        }, { actor: scope.actor.aadObjectId, action: 'monitoring.create', subjectPrefix: 'monitoring:', details: { kind: kind.id }, correlationId: scope.correlationId });
        scope.log.info({ itemId: id, kind: kind.id }, 'monitoring item created');
        return startCard(scope, `Monitoring gestart voor casus ${data.caseReference} (${kind.label.toLowerCase()}). Je krijgt een herinnering op elke termijn.`);
      },
      { kind: 'Soort', caseReference: 'Casusnummer', date: 'Datum', owner: 'Consulent', regioteam: 'Regioteam' },
    ),
    'monitoring.open': action(z.object({ itemId }), async (scope, data) => {
      const { db, config } = scope.deps;
      const rows = await db.query<{ owner_aad: string; regioteam: string }>(`SELECT owner_aad, regioteam FROM monitoring_items WHERE id = $1`, [data.itemId]);
      if (rows[0]) authorize(scope.actor, 'monitoring.owner', { ownerAad: rows[0].owner_aad, regioteam: rows[0].regioteam });
      return { card: await itemCardFor(db, config, data.itemId, isoDay(localDay(scope.deps.clock.now(), zoneOf(config)))) };
    }),
    'monitoring.close': action(z.object({ itemId, outcome: z.enum(['hulp-gestart', 'afgerond']) }), async (scope, data) => ({
      card: await scope.deps.db.transaction((tx) => closeItem(tx, ctxOf(scope), data.itemId, data.outcome)),
    })),
    'monitoring.extend': action(
      z.object({ itemId, newDate: isoDateInput('kies een nieuwe datum'), reason: requiredText(500, 'geef een reden voor de verlenging') }),
      async (scope, data) => ({ card: await scope.deps.db.transaction((tx) => extendItem(tx, ctxOf(scope), data.itemId, data.newDate, data.reason)) }),
      { newDate: 'Nieuwe datum', reason: 'Reden' },
      { fields: { reason: 'casus' } },
    ),
    'monitoring.handover': action(
      z.object({ itemId, newOwner: requiredText(200, 'kies een collega') }),
      async (scope, data) => ({ card: await scope.deps.db.transaction((tx) => handOverItem(tx, ctxOf(scope), data.itemId, data.newOwner)) }),
      { newOwner: 'Collega' },
    ),
    'monitoring.escalate': action(z.object({ itemId }), async (scope, data) => ({
      card: await scope.deps.db.transaction(async (tx) => {
        const rows = await tx.query<{ regioteam: string }>(`SELECT regioteam FROM monitoring_items WHERE id = $1`, [data.itemId]);
        const leaders = rows[0] ? scope.deps.roles.teamleiders[rows[0].regioteam] ?? [] : [];
        return escalateItem(tx, ctxOf(scope), data.itemId, leaders);
      }),
    })),
    'monitoring.meeting': action(z.object({ itemId }), async (scope, data) => ({
      card: await scope.deps.db.transaction((tx) => recordMeeting(tx, ctxOf(scope), data.itemId)),
    })),
  },
  jobs: [
    {
      name: 'monitoring.daily',
      cron: (config) => config.env.WENDBAAR_DAILY_CRON,
      run: async ({ config, db, log, fireTime }) => {
        await runMonitoringDaily({ config, db, log, fireTime });
      },
    },
    {
      name: 'monitoring.retention',
      cron: (config) => config.env.WENDBAAR_DAILY_CRON,
      run: async ({ config, db, log, fireTime }) => {
        await purgeClosedItems(db, config, fireTime, log);
      },
    },
  ],
};
