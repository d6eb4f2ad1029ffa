import { z } from 'zod';
import { proposalPrefill } from '../../cards/capacity/views';
import { proposalFormCard } from '../../cards/status/cards';
import { proposalFormView } from '../../cards/status/views';
import { prepareProposal } from '../../services/capacity/actions';
import { runCapacityWeekly } from '../../services/capacity/jobs';
import { action, type Feature } from '../feature';

/** Capaciteit: the weekly snapshot and signal job, and the signal card's button into the proposal form. */

const signalId = z.coerce.number({ error: 'onbekend signaal' }).int().positive();

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
  },
  jobs: [
    {
      name: 'capacity.weekly',
      cron: (config) => config.env.WENDBAAR_CAPACITY_CRON,
      run: async (ctx) => void (await runCapacityWeekly(ctx)),
    },
  ],
};
