import { z } from 'zod';
import { mdoAdviceCard, mdoDecidedCard, mdoFormCard, mdoOverviewCard, mdoReminderCard } from '../../cards/mdo/cards';
import { adviceCardData, decidedCardData, meetingName, overviewCardData, reminderCardData } from '../../cards/mdo/view';
import { can } from '../../services/authz';
import { decideMdo, loadOwnMdo, recordMdoAdvice } from '../../services/mdo/decisions';
import { emptyMdoForm, formValuesOf, MDO_FORM_FIELDS, MDO_FORM_LABELS, parseMdoForm, type MdoFormValues } from '../../services/mdo/form';
import { upcomingMdos } from '../../services/mdo/store';
import { evaluationPeriod, mdoSummary } from '../../services/mdo/summary';
import { toggle } from '../../services/validation';
import type { Feature, Reply, TurnScope } from '../routes';
import { action } from '../routes';

const zoneOf = (scope: TurnScope) => scope.deps.config.env.WENDBAAR_TIME_ZONE;
const officeOf = (scope: TurnScope) => scope.deps.config.office;

function formReply(scope: TurnScope, values: MdoFormValues, error = ''): Reply {
  const card = mdoFormCard({
    types: officeOf(scope).mdoCatalogue.map((t) => ({ id: t.id, name: t.name })),
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

async function overview(scope: TurnScope): Promise<Reply> {
  const { db, clock } = scope.deps;
  const office = officeOf(scope);
  const now = clock.now();
  const rows = await upcomingMdos(db, scope.actor.aadObjectId, now);
  let team;
  if (can(scope.actor, 'mdo.overview')) {
    const regioteams = scope.actor.isMt ? undefined : scope.actor.teamleiderOf;
    const period = evaluationPeriod(office.evaluationDates, now, zoneOf(scope));
    const names = regioteams?.map((id) => office.regioteams.find((t) => t.id === id)?.name ?? id).join(', ');
    team = { title: `MDO-besluiten ${names ?? 'alle regioteams'}`, ...period, summary: await mdoSummary(db, { ...period, regioteams }) };
  }
  return { card: mdoOverviewCard(overviewCardData(rows, office, zoneOf(scope), team)), summary: "Mijn MDO's" };
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
      run: overview,
    },
  ],
  actions: {
    'mdo.advise': action(formSchema, async (scope, data) => {
      const values = formValuesOf(data);
      const parsed = parseMdoForm(values, { catalogue: officeOf(scope).mdoCatalogue, now: scope.deps.clock.now(), zone: zoneOf(scope) });
      if (!parsed.ok) return formReply(scope, values, parsed.error);
      const row = await recordMdoAdvice(scope.deps.db, {
        actor: scope.actor,
        office: officeOf(scope),
        form: parsed.form,
        now: scope.deps.clock.now(),
        correlationId: scope.correlationId,
      });
      scope.log.info({ mdo: row.id, outcome: row.advised_outcome }, 'mdo advice recorded');
      return { card: mdoAdviceCard(adviceCardData(row, officeOf(scope), zoneOf(scope))), summary: 'MDO-advies' };
    }, MDO_FORM_LABELS, {
      fields: { organiser: 'organisatie', gemeente: 'organisatie', omschrijving: 'organisatie' },
      // The form comes back with everything typed and the refusal above it.
      refused: async (scope, data, refusal) => formReply(scope, formValuesOf(data), refusal.message),
    }),

    'mdo.decide': action(decideSchema, async (scope, data) => {
      const office = officeOf(scope);
      const zone = zoneOf(scope);
      const result = await decideMdo(scope.deps.db, {
        actor: scope.actor,
        office,
        zone,
        id: data.id,
        request: data.choice === 'accept' ? { choice: 'accept' } : { choice: 'override', outcome: data.outcome, reason: data.reason },
        reminder: data.reminder ?? false,
        now: scope.deps.clock.now(),
        correlationId: scope.correlationId,
        reminderPayload: (row) => ({
          card: mdoReminderCard(reminderCardData(row, office, zone)),
          summary: `Herinnering MDO: ${meetingName(row, office)}`,
        }),
      });
      const keep = { override: { outcome: data.outcome ?? '', reason: data.reason ?? '' }, reminder: data.reminder ?? false };
      switch (result.kind) {
        case 'invalid':
          return { card: mdoAdviceCard(adviceCardData(result.row, office, zone, { ...keep, error: result.error })) };
        case 'advice-changed':
          return {
            card: mdoAdviceCard(adviceCardData(result.row, office, zone, {
              ...keep,
              notice: 'De status van kern en ringen is gewijzigd sinds je het advies kreeg. Bekijk het bijgewerkte advies en besluit opnieuw.',
            })),
          };
        case 'already':
          return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, scope.actor.name, 'Dit besluit was al vastgelegd; er is niets gewijzigd.')) };
        case 'decided':
          scope.log.info({ mdo: result.row.id, overridden: result.row.overridden }, 'mdo decision recorded');
          return { card: mdoDecidedCard(decidedCardData(result.row, office, zone, scope.actor.name)), summary: 'MDO-besluit vastgelegd' };
      }
    }, { id: 'MDO-besluit', choice: 'Keuze', outcome: 'Besluit', reason: 'Reden', reminder: 'Herinnering' }, {
      // The reason is stored only when deviating from the advice.
      fields: { reason: { purpose: 'casus', when: (data) => data.choice === 'override' } },
      refused: async (scope, data, refusal) => {
        const row = await loadOwnMdo(scope.deps.db, scope.actor, data.id);
        const keep = { override: { outcome: data.outcome ?? '', reason: data.reason ?? '' }, reminder: data.reminder ?? false };
        return { card: mdoAdviceCard(adviceCardData(row, officeOf(scope), zoneOf(scope), { ...keep, error: refusal.message })) };
      },
    }),
  },
};
