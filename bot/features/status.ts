import { z } from 'zod';
import {
  announcementCard,
  consultationCard,
  decisionCard,
  endedCard,
  exportCard,
  extendedCard,
  historyCard,
  lapsingCard,
  previewCard,
  proposalFormCard,
  publishCheckCard,
  responsesCard,
  statusCard,
  unreadCard,
  withdrawnCard,
} from '../../cards/status/cards';
import { publishCheckView } from '../../cards/status/check-views';
import { exportView, historyView, statusView } from '../../cards/status/overview-views';
import {
  announcementView,
  consultationView,
  decisionView,
  previewView,
  proposalFormView,
  responsesView,
  unreadView,
} from '../../cards/status/views';
import { REASON_CATEGORIES, type ReasonCategory } from '../../config/status-labels';
import { can } from '../../services/authz';
import { announcement, markRead, unread } from '../../services/status/actions/announce';
import { consultation, respond, responses, skipConsultation, startConsultation } from '../../services/status/actions/consult';
import { confirm, decisionFor, publish, publishCheck } from '../../services/status/actions/decide';
import { endNow, extend, lapse } from '../../services/status/actions/expiry';
import { exportSummary, history, inForce, upcoming } from '../../services/status/actions/overview';
import { proposalDateProblems, proposalDefaults, propose, withdraw } from '../../services/status/actions/propose';
import type { Announcement, Decision } from '../../services/status/types';
import { runDailyStatusJob } from '../../services/status/jobs';
import { isoDateInput, optionalText, requiredText } from '../../services/validation';
import { action, formAction, type Feature, type Reply, type TurnScope } from '../feature';

/** Statusaanpassingen: the commands, the card verbs of the flow and its daily job (services/status/). */

const id = z.coerce.number({ error: 'onbekend nummer' }).int().positive();
const byChange = z.object({ changeId: id });
const byAnnouncement = z.object({ announcementId: id });

const statusReply = async (scope: TurnScope): Promise<Reply> => {
  const [state, later] = await Promise.all([inForce(scope), upcoming(scope)]);
  return { card: statusCard(statusView(scope.config.office.rings, state, later)), summary: 'Status kern en ringen' };
};
const historyReply = async (scope: TurnScope): Promise<Reply> => ({ card: historyCard(historyView(await history(scope))), summary: 'Geschiedenis statusaanpassingen' });
const exportReply = async (scope: TurnScope): Promise<Reply> => ({ card: exportCard(exportView(await exportSummary(scope))), summary: 'Export statusaanpassingen' });
const decisionReply = (decision: Decision): Reply => ({ card: decisionCard(decisionView(decision)) });
const announcementReply = (found: Announcement): Reply => ({ card: announcementCard(announcementView(found), found.viewers) });

const proposalSchema = z
  .object({
    preset: requiredText(40, 'kies een voorinstelling of per taak'),
    reasonCategory: z.enum(Object.keys(REASON_CATEGORIES) as [ReasonCategory], { error: 'kies een aanleiding' }),
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

/** The per-task choices arrive as `task_<id>` inputs next to the named fields. */
const taskValues = (data: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(data)
      .filter(([key, value]) => key.startsWith('task_') && typeof value === 'string')
      .map(([key, value]) => [key.slice('task_'.length), value as string]),
  );

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
      description: 'Samenvatting van alle besluiten; de CSV en Markdown download je in het Overzicht.',
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
      run: async (scope) => ({ card: proposalFormCard(proposalFormView(scope.config.office.rings, proposalDefaults(scope))), summary: 'Statusaanpassing voorbereiden' }),
    },
  ],
  actions: {
    'status.history': action(z.object({}), historyReply),
    'status.export': action(z.object({}), exportReply),
    'status.preview': formAction({
      schema: proposalSchema,
      labels: proposalLabels,
      screen: { fields: { reason: 'beleid', practiceImpact: 'beleid', partnerText: 'beleid' } },
      check: (scope, values) => proposalDateProblems(scope, values),
      reshow: async (scope, values, problems) =>
        ({ card: proposalFormCard(proposalFormView(scope.config.office.rings, proposalDefaults(scope), { values, problems })), summary: 'Statusaanpassing voorbereiden' }),
    }, async (scope, data) => ({ card: previewCard(previewView(scope.config.office, await propose(scope, { ...data, taskValues: taskValues(data) }))) })),
    'status.consult': action(
      byChange.extend({ deadline: isoDateInput('kies een uiterste reactiedatum'), regioteams: requiredText(200, 'kies minstens één kanaal') }),
      async (scope, data) => decisionReply(await startConsultation(scope, data.changeId, data.deadline, data.regioteams.split(',').map((t) => t.trim()).filter(Boolean))),
      { deadline: 'Reageren kan tot en met', regioteams: 'Kanalen' },
    ),
    'status.skipConsultation': action(
      byChange.extend({ skipReason: requiredText(1000, 'geef de reden voor spoed') }),
      async (scope, data) => decisionReply(await skipConsultation(scope, data.changeId, data.skipReason)),
      { skipReason: 'Waarom kan consultatie niet wachten?' },
      { fields: { skipReason: 'beleid' } },
    ),
    'status.withdraw': action(byChange, async (scope, data) => ({ card: withdrawnCard(await withdraw(scope, data.changeId)) })),
    'status.decision': action(byChange, async (scope, data) => decisionReply(await decisionFor(scope, data.changeId))),
    'status.respond': action(
      byChange.extend({ answer: z.enum(['akkoord', 'zorgen', 'opmerking'], { error: 'kies akkoord, zorgen of opmerking' }), comment: optionalText(1000) }),
      async (scope, data) => {
        const answered = await respond(scope, data.changeId, data.answer, data.comment);
        return { card: consultationCard(consultationView(answered, data.answer), answered.viewers) };
      },
      { answer: 'Jouw reactie', comment: 'Toelichting' },
      { fields: { comment: 'beleid' } },
    ),
    /** Universal Actions refresh of the channel card: the MT's own view has "Alle reacties". */
    'status.consultation': action(byChange, async (scope, data) => {
      const found = await consultation(scope, data.changeId);
      return { card: consultationCard(consultationView(found), found.viewers) };
    }),
    'status.responses': action(byChange, async (scope, data) => ({ card: responsesCard(responsesView(await responses(scope, data.changeId))) })),
    'status.publishCheck': action(byChange, async (scope, data) => ({ card: publishCheckCard(publishCheckView(await publishCheck(scope, data.changeId))) })),
    'status.publish': action(byChange, async (scope, data) => decisionReply(await publish(scope, data.changeId))),
    'status.confirm': action(byChange, async (scope, data) => decisionReply(await confirm(scope, data.changeId))),
    'status.read': action(byAnnouncement, async (scope, data) => announcementReply(await markRead(scope, data.announcementId))),
    /** Universal Actions refresh of the channel card, and "Terug naar aankondiging": this person's own view. */
    'status.announcement': action(byAnnouncement, async (scope, data) => announcementReply(await announcement(scope, data.announcementId))),
    'status.unread': action(byAnnouncement, async (scope, data) => ({ card: unreadCard(unreadView(scope.config.office, await unread(scope, data.announcementId))) })),
    'status.extend': action(
      byChange.extend({ newEndDate: isoDateInput('kies een nieuwe einddatum') }),
      async (scope, data) => ({ card: extendedCard(await extend(scope, data.changeId, data.newEndDate)) }),
      { newEndDate: 'Nieuwe verwachte einddatum' },
    ),
    'status.endNow': action(byChange, async (scope, data) => ({ card: endedCard(await endNow(scope, data.changeId)) })),
    'status.lapse': action(byChange, async (scope, data) => ({ card: lapsingCard(await lapse(scope, data.changeId)) })),
  },
  jobs: [
    {
      name: 'status.daily',
      cron: (config) => config.env.WENDBAAR_DAILY_CRON,
      async run(ctx) {
        ctx.log.info(await runDailyStatusJob(ctx), 'status daily job done');
      },
    },
  ],
};
