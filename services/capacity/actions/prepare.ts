import { audit } from '../../audit/store';
import { authorize } from '../../authz';
import type { ActingContext } from '../../context';
import { notFound } from '../../errors';
import { proposalDefaults } from '../../status/actions/propose';
import { getSignal } from '../store/signals';
import type { CapacitySignal } from '../types';

/** What the proposal form is pre-filled with: the signal's evidence and the form's usual period. */
export interface PreparedProposal {
  signal: CapacitySignal;
  period: { startDate: string; endDate: string };
}

/**
 * "Statusaanpassing voorbereiden" on a capacity signal: the MT opens the ordinary proposal form,
 * pre-filled. Nothing is stored but the audit entry; the proposal itself goes through the usual flow.
 */
export async function prepareProposal(ctx: ActingContext, signalId: number): Promise<PreparedProposal> {
  authorize(ctx.actor, 'status.propose');
  const signal = await getSignal(ctx.db, signalId);
  if (!signal || signal.kind !== 'capacity') throw notFound('Dit capaciteitssignaal bestaat niet (meer).');
  await audit(ctx.db, {
    actor: ctx.actor.aadObjectId,
    action: 'capacity.prepare',
    subject: `capacity-signal:${signal.id}`,
    correlationId: ctx.correlationId,
    details: { suggestedPreset: signal.suggestedPreset ?? null },
  });
  return { signal, period: proposalDefaults(ctx) };
}
