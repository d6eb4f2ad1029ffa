import { z } from 'zod';
import { absenceOverviewCard } from '../../cards/absence/cards';
import { overviewView, recordedMessage } from '../../cards/absence/views';
import { comeBack, endAbsenceById } from '../../services/absence/actions/end';
import { absenceOverview, recordAbsence } from '../../services/absence/actions/record';
import { runAbsenceReturns } from '../../services/absence/jobs';
import type { AbsenceOverview } from '../../services/absence/types';
import { officeZone } from '../../services/context';
import { isoDateInput, requiredText } from '../../services/validation';
import { action, type Feature, type Reply, type TurnScope } from '../feature';

const overviewReply = (scope: TurnScope, overview: AbsenceOverview, message = ''): Reply =>
  ({ card: absenceOverviewCard(overviewView(overview, scope.actor, { zone: officeZone(scope) }, message)), summary: 'Afwezigheid' });

const showOverview = async (scope: TurnScope, message = '') => overviewReply(scope, await absenceOverview(scope), message);

const recordSchema = z.object({
  person: requiredText(200, 'kies wie afwezig is'),
  kind: z.enum(['ziek', 'verlof', 'anders'], { message: 'kies ziek, verlof of anders' }),
  startsOn: isoDateInput('kies de eerste dag'),
  endsOn: z.preprocess((v) => (v === '' ? undefined : v), isoDateInput('kies de laatste dag').optional()),
  standIn: requiredText(200, "kies een vervanger of 'geen'"),
});

export const absenceFeature: Feature = {
  name: 'absence',
  commands: [
    {
      names: ['afwezig', 'afwezigheid', 'vervanging'],
      title: 'Afwezigheid en vervanging',
      description: 'Geef afwezigheid door en kies wie je vervangt.',
      button: 'Doorgeven',
      run: (scope) => showOverview(scope),
    },
    {
      names: ['terug'],
      title: 'Terug na afwezigheid',
      description: 'Meld dat je weer aan het werk bent.',
      button: 'Ik ben terug',
      hidden: true,
      run: async (scope) => {
        const ended = await comeBack(scope);
        if (ended === 0) return { text: 'Je staat nu niet als afwezig geregistreerd; er is niets veranderd. Typ "afwezig" voor je afwezigheid en vervanging.' };
        return { text: 'Welkom terug! Je meldingen komen vanaf nu weer bij jou; je krijgt in je chat met Wendbaar een overzicht van wat er in je afwezigheid gebeurde.' };
      },
    },
  ],
  actions: {
    'absence.list': action(z.object({}).passthrough(), (scope) => showOverview(scope)),
    'absence.record': action(
      recordSchema,
      async (scope, data) => showOverview(scope, recordedMessage(await recordAbsence(scope, data))),
      { person: 'Wie is afwezig', kind: 'Soort', startsOn: 'Eerste dag', endsOn: 'Laatste dag', standIn: 'Vervanger' },
    ),
    'absence.end': action(z.object({ absenceId: z.coerce.number().int().positive() }), async (scope, data) => {
      const name = await endAbsenceById(scope, data.absenceId);
      return showOverview(scope, `De afwezigheid van ${name} is beëindigd; de meldingen gaan weer naar ${name}.`);
    }),
  },
  jobs: [{ name: 'absence.returns', cron: (config) => config.env.WENDBAAR_DAILY_CRON, run: async (ctx) => void (await runAbsenceReturns(ctx)) }],
};
