import { z } from 'zod';
import { proposalPrefill } from '../../cards/capacity/views';
import { proposalFormCard } from '../../cards/status/cards';
import { proposalFormView } from '../../cards/status/views';
import { successCard } from '../../cards/notice';
import { answerEvaluation } from '../../services/capacity/actions/evaluate';
import { prepareProposal } from '../../services/capacity/actions/prepare';
import { runEvaluationRound } from '../../services/capacity/evaluation-jobs';
import { runCapacityWeekly } from '../../services/capacity/jobs';
import { dutchDate } from '../../lib/dates';
import { isoDateInput, optionalText } from '../../services/validation';
import { action, type Feature } from '../feature';

/**
 * Capaciteit: the weekly snapshot and signal job, the signal card's button into the proposal form,
 * and the half-yearly evaluation round with the staff.
 */

const signalId = z.coerce.number({ error: 'onbekend signaal' }).int().positive();
const score = z.coerce.number({ error: 'kies een score van 1 tot 5' }).int().min(1, 'kies een score van 1 tot 5').max(5, 'kies een score van 1 tot 5');

const evaluationSchema = z.object({
  evaluationDate: isoDateInput('onbekende evaluatieronde'),
  fundament: score,
  fundamentRemark: optionalText(1000),
  processes: score,
  processesRemark: optionalText(1000),
  task: optionalText(60),
});

export const capacityFeature: Feature = {
  name: 'capacity',
  commands: [],
  actions: {
    // The ordinary proposal form (status.preview goes on from there), pre-filled from the signal.
    'capacity.prepare': action(z.object({ signalId }), async (scope, data) => {
      const { signal, period } = await prepareProposal(scope, data.signalId);
      const office = scope.config.office;
      return { card: proposalFormCard({ ...proposalFormView(office.rings, period), ...proposalPrefill(signal, office) }), summary: 'Statusaanpassing voorbereiden' };
    }),
    'capacity.evaluate': action(
      evaluationSchema,
      async (scope, data) => {
        const { evaluationDate } = await answerEvaluation(scope, data);
        return { card: successCard('Dank je wel', `Je antwoord is anoniem opgeslagen. Het MT bespreekt de uitkomsten op ${dutchDate(evaluationDate)} met het RAO Onderwijs.`) };
      },
      { fundament: 'Indeling van het stabiele fundament', fundamentRemark: 'Toelichting (fundament)', processes: 'Verbeteren van processen', processesRemark: 'Toelichting (processen)', task: 'Taak' },
      { fields: { fundamentRemark: 'beleid', processesRemark: 'beleid' } },
    ),
  },
  jobs: [
    {
      name: 'capacity.weekly',
      cron: (config) => config.env.WENDBAAR_CAPACITY_CRON,
      run: async (ctx) => void (await runCapacityWeekly(ctx)),
    },
    { name: 'capacity.evaluationRound', cron: (config) => config.env.WENDBAAR_DAILY_CRON, run: async (ctx) => void (await runEvaluationRound(ctx)) },
  ],
};
