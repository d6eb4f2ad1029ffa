import { z } from 'zod';
import { successCard } from '../../cards/notice';
import {
  announcementCard,
  decisionCard,
  historyCard,
  previewCard,
  proposalFormCard,
  responsesCard,
  statusCard,
  unreadCard,
} from '../../cards/status';
import { EXECUTION_STATUSES, EXECUTION_STATUS_LABEL, ringPresets } from '../../config/rings';
import { authorize, can } from '../../services/authz';
import { linkedChannels } from '../../services/conversations';
import { addWorkingDays, dutchDate, isoDay, localDay } from '../../services/dates';
import { notFound } from '../../services/errors';
import { loadInForce } from '../../services/status/current';
import { exportStatusChanges } from '../../services/status/export';
import {
  PER_TASK,
  announcementData,
  confirm,
  createDraft,
  endNow,
  extend,
  lapse,
  markRead,
  publish,
  respond,
  runDailyStatusJob,
  skipConsultation,
  startConsultation,
  withdraw,
  type FlowContext,
} from '../../services/status/flow';
import { REASON_CATEGORIES } from '../../services/status/model';
import { countResponses, decidedChanges, getAnnouncement, getChange, nonReadersOf, readersOf, responsesOf } from '../../services/status/store';
import { decisionView, historyView, previewView, responsesView, statusView, unreadView } from '../../services/status/views';
import { isoDateInput, optionalText, requiredText } from '../../services/validation';
import { action, type Feature, type Reply, type TurnScope } from '../routes';

const flowContext = (scope: TurnScope): FlowContext => ({
  db: scope.deps.db,
  office: scope.deps.config.office,
  actor: scope.actor,
  now: scope.deps.clock.now(),
  zone: scope.deps.config.env.WENDBAAR_TIME_ZONE,
  fourEyes: scope.deps.config.env.WENDBAAR_FOUR_EYES,
  mtIds: scope.deps.roles.mt,
  correlationId: scope.correlationId,
});

const today = (scope: TurnScope) => localDay(scope.deps.clock.now(), scope.deps.config.env.WENDBAAR_TIME_ZONE);
const id = z.coerce.number({ error: 'onbekend nummer' }).int().positive();
const byChange = z.object({ changeId: id });
const byAnnouncement = z.object({ announcementId: id });

async function statusReply(scope: TurnScope): Promise<Reply> {
  const office = scope.deps.config.office;
  const state = await loadInForce(scope.deps.db, office, scope.deps.clock.now(), scope.deps.config.env.WENDBAAR_TIME_ZONE);
  return { card: statusCard(statusView(office.rings, state)), summary: 'Status kern en ringen' };
}

async function historyReply(scope: TurnScope): Promise<Reply> {
  const office = scope.deps.config.office;
  const [changes, state] = await Promise.all([
    decidedChanges(scope.deps.db),
    loadInForce(scope.deps.db, office, scope.deps.clock.now(), scope.deps.config.env.WENDBAAR_TIME_ZONE),
  ]);
  return { card: historyCard(historyView(office.rings, changes, state.change?.id)), summary: 'Geschiedenis statusaanpassingen' };
}

async function exportReply(scope: TurnScope): Promise<Reply> {
  const { csv, markdown } = await exportStatusChanges(scope.deps.db, scope.deps.config.office, isoDay(today(scope)));
  return { text: `${markdown}\n\n**CSV** (kopieer naar een .csv-bestand):\n\n\`\`\`\n${csv}\`\`\`` };
}

function proposalForm(scope: TurnScope): Reply {
  authorize(scope.actor, 'status.propose');
  const office = scope.deps.config.office;
  const start = addWorkingDays(today(scope), 5, office);
  return {
    card: proposalFormCard({
      preset: '',
      presets: [...ringPresets.map((p) => ({ title: `${p.name}: ${p.description}`, value: p.id })), { title: 'Per taak kiezen', value: PER_TASK }],
      taskInputs: office.rings.tasks.map((t) => ({
        inputId: `task_${t.id}`,
        label: `${t.name}${t.ring === 'kern' ? ' (kern)' : ''}`,
        value: 'normaal',
        choices: EXECUTION_STATUSES.filter((s) => !(t.ring === 'kern' && s === 'niet')).map((s) => ({ title: EXECUTION_STATUS_LABEL[s], value: s })),
      })),
      reasonCategory: '',
      reasons: Object.entries(REASON_CATEGORIES).map(([value, title]) => ({ title, value })),
      reason: '',
      startDate: isoDay(start),
      endDate: isoDay(start.plus({ months: 3 })),
      practiceImpact: '',
      partnerText: '',
    }),
    summary: 'Statusaanpassing voorbereiden',
  };
}

async function decisionReply(scope: TurnScope, changeId: number): Promise<Reply> {
  authorize(scope.actor, 'status.viewResponses');
  const change = await getChange(scope.deps.db, changeId);
  if (!change) throw notFound('Deze statusaanpassing bestaat niet (meer).');
  const counts = countResponses(await responsesOf(scope.deps.db, changeId));
  return { card: decisionCard(decisionView(scope.deps.config.office.rings, change, counts, scope.actor.aadObjectId, scope.deps.config.env.WENDBAAR_FOUR_EYES)) };
}

const proposalSchema = z
  .object({
    preset: requiredText(40, 'kies een voorinstelling of per taak'),
    reasonCategory: z.enum(Object.keys(REASON_CATEGORIES) as [keyof typeof REASON_CATEGORIES], { error: 'kies een aanleiding' }),
    reason: requiredText(1000),
    startDate: isoDateInput('kies een ingangsdatum'),
    endDate: isoDateInput('kies een verwachte einddatum'),
    practiceImpact: requiredText(1500),
    partnerText: optionalText(1500),
  })
  .catchall(z.unknown());

const proposalLabels = {
  preset: 'Wat wordt uitgevoerd?',
  reasonCategory: 'Aanleiding',
  reason: 'Toelichting op de aanleiding',
  startDate: 'Ingangsdatum',
  endDate: 'Verwachte einddatum',
  practiceImpact: 'Wat betekent dit voor de dagelijkse praktijk?',
  partnerText: 'Tekst voor partners',
};

export const statusFeature: Feature = {
  name: 'status',
  commands: [
    {
      names: ['status'],
      title: 'Status kern en ringen',
      description: 'Bekijk welke taken nu worden uitgevoerd.',
      button: 'Bekijken',
      run: statusReply,
    },
    {
      names: ['status geschiedenis', 'status history'],
      title: 'Geschiedenis statusaanpassingen',
      description: 'Alle besluiten over de uitvoering, met export.',
      button: 'Geschiedenis',
      hidden: true,
      run: historyReply,
    },
    {
      names: ['status export'],
      title: 'Export statusaanpassingen',
      description: 'Markdown-samenvatting en CSV van alle besluiten.',
      button: 'Exporteren',
      hidden: true,
      run: exportReply,
    },
    {
      names: ['statusaanpassing', 'status change'],
      title: 'Statusaanpassing',
      description: 'Bereid een statusaanpassing voor (MT).',
      button: 'Voorbereiden',
      visibleTo: (actor) => can(actor, 'status.propose'),
      run: async (scope) => proposalForm(scope),
    },
  ],
  actions: {
    'status.history': action(z.object({}), historyReply),
    'status.export': action(z.object({}), exportReply),
    'status.preview': action(
      proposalSchema,
      async (scope, data) => {
        const taskValues = Object.fromEntries(
          Object.entries(data)
            .filter(([key, value]) => key.startsWith('task_') && typeof value === 'string')
            .map(([key, value]) => [key.slice('task_'.length), value as string]),
        );
        const change = await createDraft(flowContext(scope), {
          preset: data.preset,
          taskValues,
          reasonCategory: data.reasonCategory,
          reason: data.reason,
          startDate: data.startDate,
          endDate: data.endDate,
          practiceImpact: data.practiceImpact,
          partnerText: data.partnerText,
        });
        const office = scope.deps.config.office;
        const teams = (await linkedChannels(scope.deps.db)).map((c) => c.regioteam!);
        const deadline = isoDay(addWorkingDays(today(scope), 3, office));
        return { card: previewCard(previewView(office.rings, change, office, deadline, teams)) };
      },
      proposalLabels,
      { fields: { reason: 'beleid', practiceImpact: 'beleid', partnerText: 'beleid' } },
    ),
    'status.consult': action(
      byChange.extend({ deadline: isoDateInput('kies een uiterste reactiedatum'), regioteams: requiredText(200, 'kies minstens één kanaal') }),
      async (scope, data) => {
        const teams = data.regioteams.split(',').map((t) => t.trim()).filter(Boolean);
        await startConsultation(flowContext(scope), data.changeId, data.deadline, teams);
        return decisionReply(scope, data.changeId);
      },
      { deadline: 'Reageren kan tot en met', regioteams: 'Kanalen' },
    ),
    'status.skipConsultation': action(
      byChange.extend({ skipReason: requiredText(1000, 'geef de reden voor spoed') }),
      async (scope, data) => {
        await skipConsultation(flowContext(scope), data.changeId, data.skipReason);
        return decisionReply(scope, data.changeId);
      },
      { skipReason: 'Waarom kan consultatie niet wachten?' },
      { fields: { skipReason: 'beleid' } },
    ),
    'status.withdraw': action(byChange, async (scope, data) => {
      const change = await withdraw(flowContext(scope), data.changeId);
      return { card: successCard('Voorstel ingetrokken', `"${change.title}" is ingetrokken; er verandert niets.`) };
    }),
    'status.decision': action(byChange, async (scope, data) => decisionReply(scope, data.changeId)),
    'status.respond': action(
      byChange.extend({ answer: z.enum(['akkoord', 'zorgen', 'opmerking'], { error: 'kies akkoord, zorgen of opmerking' }), comment: optionalText(1000) }),
      async (scope, data) => ({ card: await respond(flowContext(scope), data.changeId, data.answer, data.comment) }),
      { answer: 'Jouw reactie', comment: 'Toelichting' },
      { fields: { comment: 'beleid' } },
    ),
    'status.responses': action(byChange, async (scope, data) => {
      authorize(scope.actor, 'status.viewResponses');
      const change = await getChange(scope.deps.db, data.changeId);
      if (!change) throw notFound('Deze statusaanpassing bestaat niet (meer).');
      const rows = await responsesOf(scope.deps.db, data.changeId);
      return { card: responsesCard(responsesView(change, rows, countResponses(rows))) };
    }),
    'status.publish': action(byChange, async (scope, data) => {
      await publish(flowContext(scope), data.changeId);
      return decisionReply(scope, data.changeId);
    }),
    'status.confirm': action(byChange, async (scope, data) => {
      await confirm(flowContext(scope), data.changeId);
      return decisionReply(scope, data.changeId);
    }),
    'status.read': action(byAnnouncement, async (scope, data) => ({ card: announcementCard(await markRead(flowContext(scope), data.announcementId)) })),
    'status.announcement': action(byAnnouncement, async (scope, data) => {
      const announcement = await getAnnouncement(scope.deps.db, data.announcementId);
      if (!announcement) throw notFound('Deze aankondiging bestaat niet (meer).');
      return { card: announcementCard(await announcementData(scope.deps.db, scope.deps.config.office, announcement)) };
    }),
    'status.unread': action(byAnnouncement, async (scope, data) => {
      authorize(scope.actor, 'status.viewResponses');
      const announcement = await getAnnouncement(scope.deps.db, data.announcementId);
      if (!announcement) throw notFound('Deze aankondiging bestaat niet (meer).');
      const change = (await getChange(scope.deps.db, announcement.changeId))!;
      const [unread, readers] = await Promise.all([nonReadersOf(scope.deps.db, announcement), readersOf(scope.deps.db, announcement.id)]);
      return { card: unreadCard(unreadView(change, announcement, unread, scope.deps.config.office, readers.length)) };
    }),
    'status.extend': action(
      byChange.extend({ newEndDate: isoDateInput('kies een nieuwe einddatum') }),
      async (scope, data) => {
        const change = await extend(flowContext(scope), data.changeId, data.newEndDate);
        return { card: successCard('Verlenging aangekondigd', `"${change.title}" loopt nu naar verwachting tot ${dutchDate(change.endDate!)}. De regioteams zijn geïnformeerd.`) };
      },
      { newEndDate: 'Nieuwe verwachte einddatum' },
    ),
    'status.endNow': action(byChange, async (scope, data) => {
      const ending = await endNow(flowContext(scope), data.changeId);
      return { card: successCard('Statusaanpassing beëindigd', `${ending.title}. De taken worden weer uitgevoerd zoals daarvoor; de regioteams zijn geïnformeerd.`) };
    }),
    'status.lapse': action(byChange, async (scope, data) => {
      const change = await lapse(flowContext(scope), data.changeId);
      return { card: successCard('Laten aflopen', `"${change.title}" loopt af op ${dutchDate(change.endDate!)}; daarna geldt weer de stand van daarvoor. De regioteams zijn geïnformeerd.`) };
    }),
  },
  jobs: [
    {
      name: 'status.daily',
      cron: (config) => config.env.WENDBAAR_DAILY_CRON,
      async run(ctx) {
        const result = await runDailyStatusJob(ctx.db, ctx.config.office, ctx.fireTime, ctx.config.env.WENDBAAR_TIME_ZONE);
        ctx.log.info(result, 'status daily job done');
      },
    },
  ],
};
