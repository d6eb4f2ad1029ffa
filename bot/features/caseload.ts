import { z } from 'zod';
import { casussen } from '../../cards/caseload/format';
import { helpRequestCard, requestFormCard } from '../../cards/caseload/request';
import { figuresFormCard } from '../../cards/caseload/workload';
import { infoCard, successCard } from '../../cards/notice';
import { findRegioteam, type Regioteam } from '../../config/office';
import { audit } from '../../services/audit';
import { authorize, canSomewhere } from '../../services/authz';
import { getFigures, saveFigures } from '../../services/caseload/figures';
import { caseloadJobs } from '../../services/caseload/jobs';
import { postRequestCard, teamName, updateRequestCard } from '../../services/caseload/notify';
import { acceptOffer, closeRequest, createHelpRequest, offerHelp, requireRequest, withdrawOffer } from '../../services/caseload/requests';
import { teamWorkloadCard } from '../../services/caseload/team-view';
import { HELP_KINDS, HELP_REASONS, URGENCIES, type HelpKind, type HelpReason, type Urgency } from '../../services/caseload/types';
import { linkedChannels } from '../../services/conversations';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { validationError } from '../../services/errors';
import { setRegioteam } from '../../services/people';
import { caseReferenceSchema } from '../../services/privacy';
import { optionalText } from '../../services/validation';
import type { CommandDef, Feature, TurnScope } from '../routes';
import { action } from '../routes';

const keys = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as [T, ...T[]];
const requestId = z.coerce.number({ error: 'onbekende hulpvraag' }).int().positive();
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const count = (max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number({ error: 'vul een aantal in' }).int('vul een heel getal in').min(0, 'mag niet negatief zijn').max(max, `maximaal ${max}`));
const optionalDate = z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'kies een datum').optional());

const zone = (scope: TurnScope) => scope.deps.config.env.WENDBAAR_TIME_ZONE;
const office = (scope: TurnScope) => scope.deps.config.office;

/** The regioteam the actor works in, or the one they chose on the card (stored for next time). */
function resolveTeam(scope: TurnScope, chosen: string | undefined): { team: Regioteam; isNew: boolean } {
  const teams = office(scope).regioteams;
  const known = scope.actor.regioteam ? teams.find((t) => t.id === scope.actor.regioteam) : undefined;
  if (known) return { team: known, isNew: false };
  const picked = chosen ? teams.find((t) => t.id === chosen) : undefined;
  if (!picked) throw validationError('Kies op de kaart in welk regioteam je werkt.');
  return { team: picked, isNew: true };
}

const noChannel = (team: Regioteam) =>
  validationError(`${team.name} heeft nog geen gekoppeld teamkanaal, dus je hulpvraag kan nergens geplaatst worden. Vraag je teamleider om in het kanaal van het team "@Wendbaar koppel ${team.id}" te typen. Er is niets verstuurd.`);

const unknownTeamChoices = (scope: TurnScope) =>
  scope.actor.regioteam && office(scope).regioteams.some((t) => t.id === scope.actor.regioteam)
    ? undefined
    : office(scope).regioteams.map((t) => ({ id: t.id, name: t.name }));

function parseCaseRefs(text: string | undefined): string[] {
  if (!text) return [];
  const refs = text.split(/[\s,;]+/).filter(Boolean);
  if (refs.length > 10) throw validationError('Casusnummers: noem er maximaal 10.');
  return refs.map((ref) => {
    const parsed = caseReferenceSchema.safeParse(ref);
    if (!parsed.success) throw validationError(`Casusnummers: ${parsed.error.issues[0]?.message ?? 'ongeldig casusnummer'}.`);
    return parsed.data;
  });
}

const requestCommand: CommandDef = {
  names: ['ondersteuning', 'hulp vragen', 'support'],
  title: 'Ondersteuning vragen',
  description: 'Vraag je regioteam om hulp bij je caseload.',
  button: 'Hulp vragen',
  async run(scope) {
    const choices = unknownTeamChoices(scope);
    if (!choices) {
      const team = office(scope).regioteams.find((t) => t.id === scope.actor.regioteam)!;
      if ((await linkedChannels(scope.deps.db, team.id)).length === 0) throw noChannel(team);
      return { card: requestFormCard({ teamName: team.name }), summary: 'Ondersteuning vragen' };
    }
    return { card: requestFormCard({ teamName: 'je regioteam', regioteams: choices }), summary: 'Ondersteuning vragen' };
  },
};

async function figuresCardFor(scope: TurnScope, saved = '') {
  const figures = await getFigures(scope.deps.db, scope.actor.aadObjectId);
  const team = office(scope).regioteams.find((t) => t.id === scope.actor.regioteam);
  return figuresFormCard({
    figures,
    teamName: team?.name,
    norm: team?.caseloadNorm,
    regioteams: unknownTeamChoices(scope),
    saved,
    updatedText: figures ? `Laatst bijgewerkt: ${figures.updatedAt.toLocaleDateString('nl-NL', { timeZone: zone(scope) })}.` : '',
  });
}

const figuresCommand: CommandDef = {
  names: ['werkdruk', 'workload'],
  title: 'Werkdruk',
  description: 'Houd je eigen caseloadcijfers bij.',
  button: 'Bijwerken',
  run: async (scope) => ({ card: await figuresCardFor(scope), summary: 'Mijn werkdruk' }),
};

const teamViewCommand: CommandDef = {
  names: ['werkdruk team', 'workload team'],
  title: 'Werkdruk van het team',
  description: 'Bekijk de werkdruk en hulpvragen van een regioteam (teamleider, MT).',
  button: 'Bekijken',
  visibleTo: (actor) => canSomewhere(actor, 'caseload.teamView'),
  async run(scope, args) {
    const teams = office(scope).regioteams;
    const team = args.trim()
      ? findRegioteam(office(scope), args)
      : teams.find((t) => t.id === (scope.actor.teamleiderOf[0] ?? scope.actor.regioteam));
    if (!team) {
      throw validationError(`Welk regioteam? Typ bijvoorbeeld "werkdruk team ${teams[0]!.id}". Kies uit ${teams.map((t) => `**${t.id}**`).join(' of ')}.`);
    }
    authorize(scope.actor, 'caseload.teamView', { regioteam: team.id });
    const card = await teamWorkloadCard(scope.deps.db, office(scope), team, scope.deps.clock.now(), zone(scope), 'now');
    return { card, summary: `Werkdruk ${team.name}` };
  },
};

const requestSchema = z.object({
  regioteam: optionalText(50),
  kind: z.enum(keys<HelpKind>(HELP_KINDS), { error: 'kies wat voor hulp je zoekt' }),
  caseCount: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'vul een aantal in' }).int('vul een heel getal in').min(1, 'minimaal 1').max(20, 'maximaal 20')),
  reason: z.enum(keys<HelpReason>(HELP_REASONS), { error: 'kies een reden' }),
  urgency: z.enum(keys<Urgency>(URGENCIES), { error: 'kies hoe dringend het is' }),
  periodFrom: optionalDate,
  periodTo: optionalDate,
  caseRefs: optionalText(200),
  description: optionalText(500),
});

const figuresSchema = z.object({
  regioteam: optionalText(50),
  openCases: count(500),
  complexCases: count(500),
  newThisWeek: count(200),
  absentDays: count(10),
  isBuffer: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});

const viewOf = (scope: TurnScope, detail: Awaited<ReturnType<typeof requireRequest>>) =>
  helpRequestCard(detail, { teamName: teamName(office(scope), detail.request.regioteam), zone: zone(scope), viewerAad: scope.actor.aadObjectId });

const actions = {
  'caseload.request': action(requestSchema, async (scope, data) => {
    const { team, isNew } = resolveTeam(scope, data.regioteam);
    if (data.periodFrom && data.periodTo && data.periodTo < data.periodFrom) {
      throw validationError('Periode: de einddatum ligt voor de begindatum.');
    }
    const caseRefs = parseCaseRefs(data.caseRefs);
    const channel = (await linkedChannels(scope.deps.db, team.id))[0];
    if (!channel) throw noChannel(team);
    const at = scope.deps.clock.now();
    const id = await scope.deps.db.transaction(async (tx) => {
      if (isNew) await setRegioteam(tx, scope.actor.aadObjectId, team.id);
      const id = await createHelpRequest(tx, {
        requesterAad: scope.actor.aadObjectId, regioteam: team.id, kind: data.kind, caseCount: data.caseCount, reason: data.reason,
        urgency: data.urgency, periodFrom: data.periodFrom, periodTo: data.periodTo, description: data.description, caseRefs,
      }, at);
      await postRequestCard(tx, await requireRequest(tx, id), channel.id, office(scope), zone(scope));
      await audit(tx, {
        actor: scope.actor.aadObjectId, action: 'caseload.request', subject: `helprequest:${id}`,
        details: { regioteam: team.id, kind: data.kind, caseCount: data.caseCount, urgency: data.urgency }, correlationId: scope.correlationId,
      });
      return id;
    });
    scope.log.info({ requestId: id, regioteam: team.id }, 'help request posted');
    return {
      card: successCard(
        'Je hulpvraag staat in het teamkanaal',
        `Collega's in ${team.name} zien je vraag nu (kenmerk H-${id}). Je krijgt een persoonlijk bericht bij elk aanbod en kiest zelf wie je helpt. Komt er geen hulp, dan wordt je teamleider op tijd ingeschakeld.`,
      ),
    };
  }, { regioteam: 'Regioteam', kind: 'Soort hulp', caseCount: 'Aantal casussen', reason: 'Reden', urgency: 'Urgentie', periodFrom: 'Periode van', periodTo: 'Periode tot en met', caseRefs: 'Casusnummers', description: 'Korte toelichting' },
  { fields: { description: 'casus' } }),

  'caseload.offer': action(z.object({ requestId, amount: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'kies een aantal' }).int().min(1, 'kies een aantal').max(20)) }), async (scope, data) => {
    const detail = await scope.deps.db.transaction(async (tx) => {
      await offerHelp(tx, data.requestId, scope.actor, data.amount, scope.deps.clock.now());
      const detail = await updateRequestCard(tx, data.requestId, office(scope), zone(scope));
      const team = teamName(office(scope), detail.request.regioteam);
      await enqueueDelivery(tx, {
        kind: 'personal',
        idempotencyKey: `helprequest:${data.requestId}:offer:${scope.actor.aadObjectId}:${detail.request.version}`,
        recipientAad: detail.request.requesterAad,
        payload: {
          card: infoCard('Een collega biedt hulp aan', `${scope.actor.name || 'Een collega'} kan ${casussen(data.amount)} oppakken bij je hulpvraag H-${data.requestId}. Open je hulpvraag in het kanaal van ${team} en kies Accepteren.`),
          summary: `${scope.actor.name || 'Een collega'} biedt hulp aan`,
        },
      });
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'caseload.offer', subject: `helprequest:${data.requestId}`, details: { amount: data.amount }, correlationId: scope.correlationId });
      return detail;
    });
    return { card: viewOf(scope, detail) };
  }, { amount: 'Aantal casussen' }),

  'caseload.withdrawOffer': action(z.object({ requestId }), async (scope, data) => {
    const detail = await scope.deps.db.transaction(async (tx) => {
      await withdrawOffer(tx, data.requestId, scope.actor.aadObjectId);
      const detail = await updateRequestCard(tx, data.requestId, office(scope), zone(scope));
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'caseload.withdrawOffer', subject: `helprequest:${data.requestId}`, correlationId: scope.correlationId });
      return detail;
    });
    return { card: viewOf(scope, detail) };
  }),

  'caseload.accept': action(z.object({ requestId, offerId: requestId }), async (scope, data) => {
    const detail = await scope.deps.db.transaction(async (tx) => {
      const before = await requireRequest(tx, data.requestId);
      authorize(scope.actor, 'request.owner', { ownerAad: before.request.requesterAad });
      const offer = await acceptOffer(tx, data.requestId, data.offerId, scope.deps.clock.now());
      const detail = await updateRequestCard(tx, data.requestId, office(scope), zone(scope));
      await enqueueDelivery(tx, {
        kind: 'personal',
        idempotencyKey: `helprequest:${data.requestId}:accepted:${offer.id}`,
        recipientAad: offer.helperAad,
        payload: {
          card: successCard('Je hulpaanbod is geaccepteerd', `${scope.actor.name || 'Je collega'} heeft je aanbod geaccepteerd: je pakt ${casussen(offer.caseCount)} op bij hulpvraag H-${data.requestId}. Stem de overdracht samen af. Dank je wel!`),
          summary: 'Je hulpaanbod is geaccepteerd',
        },
      });
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'caseload.accept', subject: `helprequest:${data.requestId}`, details: { offerId: offer.id }, correlationId: scope.correlationId });
      return detail;
    });
    return { card: viewOf(scope, detail) };
  }),

  'caseload.complete': action(z.object({ requestId }), (scope, data) => closeAs(scope, data.requestId, 'afgerond')),
  'caseload.withdraw': action(z.object({ requestId }), (scope, data) => closeAs(scope, data.requestId, 'ingetrokken')),

  /** Universal Actions refresh: Teams asks for the card as this user should see it. */
  'caseload.refresh': action(z.object({ requestId }), async (scope, data) => {
    const detail = await requireRequest(scope.deps.db, data.requestId);
    authorize(scope.actor, 'caseload.help', { regioteam: detail.request.regioteam });
    return { card: viewOf(scope, detail) };
  }),

  'caseload.figures': action(figuresSchema, async (scope, data) => {
    const { team, isNew } = resolveTeam(scope, data.regioteam);
    if (data.complexCases > data.openCases) throw validationError('Het aantal complexe casussen kan niet hoger zijn dan het aantal open casussen.');
    await scope.deps.db.transaction(async (tx) => {
      if (isNew) await setRegioteam(tx, scope.actor.aadObjectId, team.id);
      await saveFigures(tx, scope.actor.aadObjectId, data, 'card', scope.deps.clock.now());
      await audit(tx, { actor: scope.actor.aadObjectId, action: 'caseload.figures', subject: scope.actor.aadObjectId, correlationId: scope.correlationId });
    });
    if (isNew) scope.actor.regioteam = team.id;
    const above = data.openCases > team.caseloadNorm;
    const saved = above
      ? `Opgeslagen. Je zit met ${data.openCases} open casussen boven de norm van ${team.caseloadNorm}: vraag gerust ondersteuning (typ ondersteuning).`
      : `Opgeslagen. Je hebt ${data.openCases} open casussen; de norm is ${team.caseloadNorm}.`;
    return { card: await figuresCardFor(scope, saved) };
  }, { regioteam: 'Regioteam', openCases: 'Open casussen', complexCases: 'Waarvan complex', newThisWeek: 'Nieuw deze week', absentDays: 'Dagen afwezig', isBuffer: 'Buffercollega' }),
};

async function closeAs(scope: TurnScope, id: number, outcome: 'afgerond' | 'ingetrokken') {
  const detail = await scope.deps.db.transaction(async (tx) => {
    const before = await requireRequest(tx, id);
    authorize(scope.actor, 'request.owner', { ownerAad: before.request.requesterAad });
    await closeRequest(tx, id, outcome, scope.deps.clock.now());
    const detail = await updateRequestCard(tx, id, office(scope), zone(scope));
    if (outcome === 'ingetrokken') {
      for (const offer of before.offers.filter((o) => o.status !== 'withdrawn')) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `helprequest:${id}:withdrawn:${offer.helperAad}`,
          recipientAad: offer.helperAad,
          payload: { card: infoCard('Hulpvraag ingetrokken', `${scope.actor.name || 'Je collega'} heeft hulpvraag H-${id} ingetrokken; je aanbod is niet meer nodig. Dank je wel!`), summary: 'Hulpvraag ingetrokken' },
        });
      }
    }
    await audit(tx, { actor: scope.actor.aadObjectId, action: `caseload.${outcome}`, subject: `helprequest:${id}`, correlationId: scope.correlationId });
    return detail;
  });
  return { card: viewOf(scope, detail) };
}

export const caseloadFeature: Feature = {
  name: 'caseload',
  commands: [requestCommand, figuresCommand, teamViewCommand],
  actions,
  jobs: caseloadJobs,
};
