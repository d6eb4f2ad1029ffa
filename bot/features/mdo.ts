import { z } from 'zod';
import { mdoAdviceCard, mdoDecidedCard, mdoFormCard, mdoOverviewCard } from '../../cards/mdo/cards';
import { infoCard } from '../../cards/notice';
import { adviceCardData, decidedCardData, overviewCardData, stoodInOverviewCardData } from '../../cards/mdo/views';
import { officeZone } from '../../services/context';
import { decideMdo, loadOwnMdo, mdoFormDefaults, mdoSender, myMdos, overrideProblems, recordMdoAdvice, stoodInMdos, type DecideResult } from '../../services/mdo/actions';
import { cancelMdo, changeMdoDecision, openMdo } from '../../services/mdo/change';
import type { MdoDecisionRow } from '../../services/mdo/store';
import { emptyMdoForm, formValuesOf, MDO_FORM_FIELDS, MDO_FORM_LABELS, parseMdoForm, withKnownOrganiser, type MdoFormValues } from '../../services/mdo/form';
import { problemsError, toggle, type FormProblem } from '../../services/validation';
import type { Feature, FormValues, Reply, TurnScope } from '../feature';
import { action, formAction } from '../feature';

function formReply(scope: TurnScope, values: MdoFormValues, problems: FormProblem[] = []): Reply {
  const catalogue = scope.config.office.mdoCatalogue;
  const card = mdoFormCard({
    types: catalogue.map((t) => ({ id: t.id, name: t.name, organiser: t.organiser })),
    values: withKnownOrganiser(values, catalogue),
    problems,
    personalNote: scope.conversation.kind !== 'personal',
  });
  return { card, summary: 'MDO-deelname afwegen' };
}

const formContext = (scope: TurnScope) => ({ catalogue: scope.config.office.mdoCatalogue, now: scope.clock.now(), zone: officeZone(scope) });

/** The advice card again with the "Anders kiezen" part open, what was typed in it and the problems. */
async function overrideReply(scope: TurnScope, values: FormValues, problems: FormProblem[]): Promise<Reply> {
  const id = Number(values.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw problemsError(problems);
  const { row } = await loadOwnMdo(scope, scope.db, id);
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const keep = { override: { outcome: text('outcome'), reason: text('reason') }, reminder: values.reminder === true || values.reminder === 'true' };
  return { card: mdoAdviceCard(adviceCardData(row, scope.config.office, officeZone(scope), { ...keep, problems, overrideOpen: values.choice === 'override' })) };
}

/** Form inputs arrive as strings; anything else is dropped and reported by the form check. */
const formSchema = z.object(Object.fromEntries(MDO_FORM_FIELDS.map((f) => [f, z.unknown().optional()])));

const decideSchema = z.object({
  id: z.coerce.number({ error: 'onbekend besluit' }).int().positive('onbekend besluit'),
  choice: z.enum(['accept', 'override']),
  outcome: z.string().max(40).optional(),
  reason: z.string().max(2000).optional(),
  reminder: toggle.optional(),
});

const CHANGED_NOTICE = 'De status van kern en ringen is gewijzigd sinds het advies. Bekijk het bijgewerkte advies en besluit opnieuw.';

/** The card that replaces the advice card after "Besluit vastleggen". */
async function decisionReply(scope: TurnScope, result: DecideResult, kept: z.infer<typeof decideSchema>): Promise<Reply> {
  const office = scope.config.office;
  const zone = officeZone(scope);
  const keep = { override: { outcome: kept.outcome ?? '', reason: kept.reason ?? '' }, reminder: kept.reminder ?? false };
  switch (result.kind) {
    case 'invalid':
      return { card: mdoAdviceCard(adviceCardData(result.row, office, zone, { ...keep, problems: result.problems, overrideOpen: true })) };
    case 'advice-changed':
      return { card: mdoAdviceCard(adviceCardData(result.row, office, zone, { ...keep, notice: CHANGED_NOTICE })) };
    case 'already':
      return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, await mdoSender(scope, result.row), 'Dit besluit was al vastgelegd; er is niets gewijzigd.')) };
    case 'decided':
      return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, await mdoSender(scope, result.row))), summary: 'MDO-besluit vastgelegd' };
  }
}

const byId = z.object({ id: z.coerce.number({ error: 'onbekend besluit' }).int().positive('onbekend besluit') });

/** A decision opened again: the decided card with the organiser message, or the advice still waiting for one. */
async function openedReply(scope: TurnScope, row: MdoDecisionRow, notice = ''): Promise<Reply> {
  const office = scope.config.office;
  return row.status === 'decided'
    ? { card: mdoDecidedCard(decidedCardData(row, office, officeZone(scope), await mdoSender(scope, row), notice)), summary: 'MDO-besluit' }
    : { card: mdoAdviceCard(adviceCardData(row, office, officeZone(scope))), summary: 'MDO-advies' };
}

const ownListReply = async (scope: TurnScope): Promise<Reply> =>
  ({ card: mdoOverviewCard(overviewCardData(await myMdos(scope), scope.config.office, officeZone(scope))), summary: "Mijn MDO's" });

/** The list button of a decision or reminder: the clicker's own MDOs, or those of the absent colleague the card names, if they stand in. */
async function listReply(scope: TurnScope, person?: string): Promise<Reply> {
  if (!person || person === scope.actor.aadObjectId) return ownListReply(scope);
  const stood = await stoodInMdos(scope, person);
  return { card: mdoOverviewCard(stoodInOverviewCardData(stood, scope.config.office, officeZone(scope))), summary: `MDO's van ${stood.ownerName}` };
}

export const mdoFeature: Feature = {
  name: 'mdo',
  commands: [
    {
      names: ['mdo', 'mdo-deelname'],
      title: 'MDO-deelname',
      description: 'Weeg af of en hoe je aan een MDO deelneemt; Wendbaar adviseert, jij besluit.',
      button: 'Starten',
      run: async (scope) => formReply(scope, { ...emptyMdoForm(), ...(await mdoFormDefaults(scope)) }),
    },
    {
      names: ['mdo overzicht', 'mdo overview'],
      title: "Mijn MDO's",
      description: "Je komende MDO's; teamleiders en MT zien ook de cijfers.",
      button: 'Bekijken',
      run: (scope) => ownListReply(scope),
    },
  ],
  actions: {
    'mdo.advise': formAction({
      schema: formSchema,
      labels: MDO_FORM_LABELS,
      screen: { fields: { organiser: 'organisatie', gemeente: 'organisatie', omschrijving: 'organisatie' } },
      check: (scope, values) => {
        const parsed = parseMdoForm(formValuesOf(values), formContext(scope));
        return parsed.ok ? [] : parsed.problems;
      },
      reshow: async (scope, values, problems) => formReply(scope, formValuesOf(values), problems),
    }, async (scope, data) => {
      const parsed = parseMdoForm(formValuesOf(data), formContext(scope));
      if (!parsed.ok) return formReply(scope, formValuesOf(data), parsed.problems);
      const row = await recordMdoAdvice(scope, parsed.form);
      return { card: mdoAdviceCard(adviceCardData(row, scope.config.office, officeZone(scope))), summary: 'MDO-advies' };
    }),

    'mdo.decide': formAction({
      schema: decideSchema,
      labels: { id: 'MDO-besluit', choice: 'Keuze', outcome: 'Besluit', reason: 'Reden', reminder: 'Herinnering' },
      // The reason is stored only when deviating from the advice.
      screen: { fields: { reason: { purpose: 'casus', when: (data) => data.choice === 'override' } } },
      check: (_scope, values) => (values.choice === 'override' ? overrideProblems(values) : []),
      reshow: overrideReply,
    }, async (scope, data) => {
      const request = data.choice === 'accept' ? { choice: 'accept' as const } : { choice: 'override' as const, outcome: data.outcome, reason: data.reason };
      const result = await decideMdo(scope, { id: data.id, request, reminder: data.reminder ?? false });
      return decisionReply(scope, result, data);
    }),
    'mdo.list': action(z.object({ person: z.string().max(100).optional() }), async (scope, data) => listReply(scope, data.person)),
    'mdo.open': action(byId, async (scope, data) => openedReply(scope, await openMdo(scope, data.id))),
    'mdo.change': action(
      byId.extend({ outcome: z.string().max(40), reason: z.string().max(500) }),
      async (scope, data) => openedReply(scope, await changeMdoDecision(scope, data.id, data.outcome, data.reason), 'Het besluit is gewijzigd. Stuur de organisator het nieuwe bericht hieronder.'),
      { outcome: 'Nieuw besluit', reason: 'Reden' },
      { fields: { reason: 'casus' } },
    ),
    'mdo.cancel': action(byId, async (scope, data) => {
      const owner = (await mdoSender(scope, await cancelMdo(scope, data.id))).onBehalfOf;
      return {
        card: infoCard('MDO geannuleerd', owner
          ? `Het MDO staat niet meer in de lijst van ${owner} en telt niet mee in de cijfers; een geplande herinnering vervalt. Laat de organisator weten dat ${owner} niet komt.`
          : 'Het MDO staat niet meer in je lijst en telt niet mee in de cijfers; een geplande herinnering vervalt. Laat de organisator weten dat je niet komt.'),
      };
    }),
  },
};
