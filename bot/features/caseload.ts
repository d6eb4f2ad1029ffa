import { z } from 'zod';
import { helpRequestCard, figuresFormCard, requestFormCard, requestPostedCard, weekstartCard } from '../../cards/caseload/cards';
import { HELP_KINDS, HELP_REASONS, URGENCIES } from '../../config/caseload-labels';
import { canSomewhere } from '../../services/authz';
import { askForHelp, requestForm } from '../../services/caseload/actions/ask';
import { closeRequest, requestForViewer } from '../../services/caseload/actions/close';
import { ownFigures, saveOwnFigures } from '../../services/caseload/actions/figures';
import { acceptOffer, offerHelp, withdrawOffer } from '../../services/caseload/actions/offers';
import { requestView } from '../../services/caseload/actions/request-card';
import { teamWorkloadNow } from '../../services/caseload/actions/team';
import { runEscalation, runWeekstart } from '../../services/caseload/jobs';
import { figuresProblems, helpRequestProblems } from '../../services/caseload/form-checks';
import type { RequestDetail } from '../../services/caseload/types';
import { officeZone } from '../../services/context';
import { optionalText } from '../../services/validation';
import type { CommandDef, Feature, Reply, TurnScope } from '../feature';
import { action, formAction } from '../feature';

const keys = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as [T, ...T[]];
const requestId = z.coerce.number({ error: 'onbekende hulpvraag' }).int().positive();
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const count = (max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number({ error: 'vul een aantal in' }).int('vul een heel getal in').min(0, 'mag niet negatief zijn').max(max, `maximaal ${max}`));
const optionalDate = z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'kies een datum').optional());

const requestSchema = z.object({
  regioteam: optionalText(50),
  kind: z.enum(keys(HELP_KINDS), { error: 'kies wat voor hulp je zoekt' }),
  caseCount: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'vul een aantal in' }).int('vul een heel getal in').min(1, 'minimaal 1').max(20, 'maximaal 20')),
  reason: z.enum(keys(HELP_REASONS), { error: 'kies een reden' }),
  urgency: z.enum(keys(URGENCIES), { error: 'kies hoe dringend het is' }),
  periodFrom: optionalDate,
  periodTo: optionalDate,
  caseRefs: optionalText(200),
  description: optionalText(500),
});

const offerSchema = z.object({ requestId, amount: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'kies een aantal' }).int().min(1, 'kies een aantal').max(20)) });

const figuresSchema = z.object({
  regioteam: optionalText(50),
  openCases: count(500),
  complexCases: count(500),
  newThisWeek: count(200),
  absentDays: count(10),
  isBuffer: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});

/** The request card as the acting user sees it (replaces the card they clicked); a stand-in sees it namens the requester. */
async function requestReply(scope: TurnScope, detail: RequestDetail): Promise<Reply> {
  const { data, acting } = await requestView(scope, detail);
  return { card: helpRequestCard(data, scope.actor.aadObjectId, acting) };
}

async function figuresReply(scope: TurnScope, savedOpenCases?: number): Promise<Reply> {
  return { card: figuresFormCard({ ...(await ownFigures(scope)), savedOpenCases, zone: officeZone(scope) }) };
}

const commands: CommandDef[] = [
  {
    names: ['ondersteuning', 'hulp vragen', 'support'],
    title: 'Ondersteuning vragen',
    description: 'Vraag je regioteam om hulp bij je caseload.',
    button: 'Hulp vragen',
    async run(scope) {
      const { team, regioteams } = await requestForm(scope);
      return { card: requestFormCard({ teamName: team?.name, regioteams }), summary: 'Ondersteuning vragen' };
    },
  },
  {
    names: ['werkdruk', 'workload'],
    title: 'Werkdruk',
    description: 'Houd je eigen caseloadcijfers bij.',
    button: 'Bijwerken',
    run: async (scope) => ({ ...(await figuresReply(scope)), summary: 'Mijn werkdruk' }),
  },
  {
    names: ['werkdruk team', 'workload team'],
    title: 'Werkdruk van het team',
    description: 'Bekijk de werkdruk en hulpvragen van een regioteam (teamleider, MT).',
    button: 'Bekijken',
    visibleTo: (actor) => canSomewhere(actor, 'caseload.teamView'),
    async run(scope, args) {
      const workload = await teamWorkloadNow(scope, args);
      return { card: weekstartCard(workload), summary: `Werkdruk ${workload.teamName}` };
    },
  },
];

const actions = {
  'caseload.request': formAction({
    schema: requestSchema,
    labels: { regioteam: 'Regioteam', kind: 'Soort hulp', caseCount: 'Aantal casussen', reason: 'Reden', urgency: 'Urgentie', periodFrom: 'Periode van', periodTo: 'Periode tot en met', caseRefs: 'Casusnummers', description: 'Korte toelichting' },
    screen: { fields: { description: 'casus' } },
    check: (_scope, values) => helpRequestProblems(values),
    async reshow(scope, values, problems) {
      const { team, regioteams } = await requestForm(scope);
      return { card: requestFormCard({ teamName: team?.name, regioteams, values, problems }) };
    },
  }, async (scope, data) => {
    const { id, team } = await askForHelp(scope, data);
    return { card: requestPostedCard(team.name, id) };
  }),
  'caseload.offer': action(offerSchema, async (scope, data) => requestReply(scope, await offerHelp(scope, data.requestId, data.amount)), { amount: 'Aantal casussen' }),
  'caseload.withdrawOffer': action(z.object({ requestId }), async (scope, data) => requestReply(scope, await withdrawOffer(scope, data.requestId))),
  'caseload.accept': action(z.object({ requestId, offerId: requestId }), async (scope, data) => requestReply(scope, await acceptOffer(scope, data.requestId, data.offerId))),
  'caseload.complete': action(z.object({ requestId }), async (scope, data) => requestReply(scope, await closeRequest(scope, data.requestId, 'afgerond'))),
  'caseload.withdraw': action(z.object({ requestId }), async (scope, data) => requestReply(scope, await closeRequest(scope, data.requestId, 'ingetrokken'))),
  /** Universal Actions refresh: Teams asks for the card as this user should see it. */
  'caseload.refresh': action(z.object({ requestId }), async (scope, data) => requestReply(scope, await requestForViewer(scope, data.requestId))),
  'caseload.figures': formAction({
    schema: figuresSchema,
    labels: { regioteam: 'Regioteam', openCases: 'Open casussen', complexCases: 'Waarvan complex', newThisWeek: 'Nieuw deze week', absentDays: 'Dagen afwezig', isBuffer: 'Buffercollega' },
    check: (_scope, values) => figuresProblems(values),
    reshow: async (scope, values, problems) => ({ card: figuresFormCard({ ...(await ownFigures(scope)), values, problems, zone: officeZone(scope) }) }),
  }, async (scope, data) => {
    await saveOwnFigures(scope, data);
    return figuresReply(scope, data.openCases);
  }),
};

export const caseloadFeature: Feature = {
  name: 'caseload',
  commands,
  actions,
  jobs: [
    { name: 'caseload.escalate', cron: () => '*/15 * * * *', run: async (ctx) => void (await runEscalation(ctx)) },
    { name: 'caseload.weekstart', cron: (config) => config.env.WENDBAAR_WEEKSTART_CRON, run: async (ctx) => void (await runWeekstart(ctx)) },
  ],
};
