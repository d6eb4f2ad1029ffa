import { z } from 'zod';
import { mdoAdviceCard, mdoDecidedCard, mdoFormCard, mdoOverviewCard } from '../../cards/mdo/cards';
import { infoCard } from '../../cards/notice';
import { adviceCardData, decidedCardData, overviewCardData } from '../../cards/mdo/views';
import { officeZone } from '../../services/context';
import { decideMdo, loadOwnMdo, myMdos, recordMdoAdvice, type DecideResult } from '../../services/mdo/actions';
import { cancelMdo, changeMdoDecision, openMdo } from '../../services/mdo/change';
import type { MdoDecisionRow } from '../../services/mdo/store';
import { emptyMdoForm, formValuesOf, MDO_FORM_FIELDS, MDO_FORM_LABELS, parseMdoForm, type MdoFormValues } from '../../services/mdo/form';
import { toggle } from '../../services/validation';
import type { Feature, Reply, TurnScope } from '../feature';
import { action } from '../feature';

function formReply(scope: TurnScope, values: MdoFormValues, error = ''): Reply {
  const card = mdoFormCard({
    types: scope.config.office.mdoCatalogue.map((t) => ({ id: t.id, name: t.name })),
    values,
    error,
    personalNote: scope.conversation.kind !== 'personal',
  });
  return { card, summary: 'MDO-deelname afwegen' };
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

const CHANGED_NOTICE = 'De status van kern en ringen is gewijzigd sinds je het advies kreeg. Bekijk het bijgewerkte advies en besluit opnieuw.';

/** The card that replaces the advice card after "Besluit vastleggen". */
function decisionReply(scope: TurnScope, result: DecideResult, kept: z.infer<typeof decideSchema>): Reply {
  const office = scope.config.office;
  const zone = officeZone(scope);
  const keep = { override: { outcome: kept.outcome ?? '', reason: kept.reason ?? '' }, reminder: kept.reminder ?? false };
  switch (result.kind) {
    case 'invalid':
      return { card: mdoAdviceCard(adviceCardData(result.row, office, zone, { ...keep, error: result.error })) };
    case 'advice-changed':
      return { card: mdoAdviceCard(adviceCardData(result.row, office, zone, { ...keep, notice: CHANGED_NOTICE })) };
    case 'already':
      return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, scope.actor.name, 'Dit besluit was al vastgelegd; er is niets gewijzigd.')) };
    case 'decided':
      return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, scope.actor.name)), summary: 'MDO-besluit vastgelegd' };
  }
}

const byId = z.object({ id: z.coerce.number({ error: 'onbekend besluit' }).int().positive('onbekend besluit') });

/** A decision opened again: the decided card with the organiser message, or the advice still waiting for one. */
function openedReply(scope: TurnScope, row: MdoDecisionRow, notice = ''): Reply {
  const office = scope.config.office;
  return row.status === 'decided'
    ? { card: mdoDecidedCard(decidedCardData(row, office, officeZone(scope), scope.actor.name, notice)), summary: 'MDO-besluit' }
    : { card: mdoAdviceCard(adviceCardData(row, office, officeZone(scope))), summary: 'MDO-advies' };
}

export const mdoFeature: Feature = {
  name: 'mdo',
  commands: [
    {
      names: ['mdo', 'mdo-deelname'],
      title: 'MDO-deelname',
      description: 'Weeg af of en hoe je aan een MDO deelneemt; Wendbaar adviseert, jij besluit.',
      button: 'Starten',
      run: async (scope) => formReply(scope, emptyMdoForm()),
    },
    {
      names: ['mdo overzicht', 'mdo overview'],
      title: "Mijn MDO's",
      description: "Je komende MDO's; teamleiders en MT zien ook de cijfers.",
      button: 'Bekijken',
      run: async (scope) => ({ card: mdoOverviewCard(overviewCardData(await myMdos(scope), scope.config.office, officeZone(scope))), summary: "Mijn MDO's" }),
    },
  ],
  actions: {
    'mdo.advise': action(formSchema, async (scope, data) => {
      const values = formValuesOf(data);
      const parsed = parseMdoForm(values, { catalogue: scope.config.office.mdoCatalogue, now: scope.clock.now(), zone: officeZone(scope) });
      if (!parsed.ok) return formReply(scope, values, parsed.error);
      const row = await recordMdoAdvice(scope, parsed.form);
      return { card: mdoAdviceCard(adviceCardData(row, scope.config.office, officeZone(scope))), summary: 'MDO-advies' };
    }, MDO_FORM_LABELS, {
      fields: { organiser: 'organisatie', gemeente: 'organisatie', omschrijving: 'organisatie' },
      // The form comes back with everything typed and the refusal above it.
      refused: async (scope, data, refusal) => formReply(scope, formValuesOf(data), refusal.message),
    }),

    'mdo.decide': action(decideSchema, async (scope, data) => {
      const request = data.choice === 'accept' ? { choice: 'accept' as const } : { choice: 'override' as const, outcome: data.outcome, reason: data.reason };
      const result = await decideMdo(scope, { id: data.id, request, reminder: data.reminder ?? false });
      return decisionReply(scope, result, data);
    }, { id: 'MDO-besluit', choice: 'Keuze', outcome: 'Besluit', reason: 'Reden', reminder: 'Herinnering' }, {
      // The reason is stored only when deviating from the advice.
      fields: { reason: { purpose: 'casus', when: (data) => data.choice === 'override' } },
      refused: async (scope, data, refusal) => {
        const row = await loadOwnMdo(scope.db, scope.actor, data.id);
        const keep = { override: { outcome: data.outcome ?? '', reason: data.reason ?? '' }, reminder: data.reminder ?? false };
        return { card: mdoAdviceCard(adviceCardData(row, scope.config.office, officeZone(scope), { ...keep, error: refusal.message })) };
      },
    }),
    'mdo.open': action(byId, async (scope, data) => openedReply(scope, await openMdo(scope, data.id))),
    'mdo.change': action(
      byId.extend({ outcome: z.string().max(40), reason: z.string().max(500) }),
      async (scope, data) => openedReply(scope, await changeMdoDecision(scope, data.id, data.outcome, data.reason), 'Het besluit is gewijzigd. Stuur de organisator het nieuwe bericht hieronder.'),
      { outcome: 'Nieuw besluit', reason: 'Reden' },
      { fields: { reason: 'casus' } },
    ),
    'mdo.cancel': action(byId, async (scope, data) => {
      await cancelMdo(scope, data.id);
      return { card: infoCard('MDO geannuleerd', 'Het MDO staat niet meer in je lijst en telt niet mee in de cijfers; een geplande herinnering vervalt. Laat de organisator weten dat je niet komt.') };
    }),
  },
};
