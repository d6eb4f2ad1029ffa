import type { ReasonCategory } from '../../../config/status-labels';
import { addWorkingDays, isoDay, localDay } from '../../../lib/dates';
import { authorize } from '../../authz';
import { officeZone, type ActingContext } from '../../context';
import { linkedChannels } from '../../conversations/store';
import { conflict } from '../../errors';
import { fieldProblem, problemsError, type FormProblem } from '../../validation';
import { loadInForce } from '../current';
import { refreshConsultation } from '../notify';
import { changeFacts, proposedTasks } from '../rules';
import { auditStep, checkDate, existingChange, personOf, todayOf } from '../shared';
import { insertChange, moveChange } from '../store';
import type { ChangeRow, Preview } from '../types';

/** Step 1, voorstel: the MT drafts a change, sees it before/after, and may withdraw it until it is decided. */

export interface ProposalInput {
  preset: string;
  /** Per-task statuses from the card (`task_<id>` inputs), used with the per-task choice. */
  taskValues: Record<string, string>;
  reasonCategory: ReasonCategory;
  reason: string;
  startDate: string;
  endDate: string;
  practiceImpact: string;
  partnerText?: string;
}

/** The period the proposal form suggests: from five working days on, for three months. */
export function proposalDefaults(ctx: ActingContext): { startDate: string; endDate: string } {
  authorize(ctx.actor, 'status.propose');
  const start = addWorkingDays(localDay(ctx.clock.now(), officeZone(ctx)), 5, ctx.config.office);
  return { startDate: isoDay(start), endDate: isoDay(start.plus({ months: 3 })) };
}

/**
 * The proposal's period, on the values as sent: an existing start date from today on and an end
 * date after it. Every problem at once, each naming its field.
 */
export function proposalDateProblems(ctx: ActingContext, values: { startDate?: unknown; endDate?: unknown }): FormProblem[] {
  const today = todayOf(ctx, ctx.clock.now());
  const day = (v: unknown, label: string, field: string): { iso?: string; problem?: FormProblem } => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return {};
    try {
      return { iso: checkDate(ctx, v, label) };
    } catch {
      return { problem: fieldProblem(field, label, 'kies een bestaande datum') };
    }
  };
  const start = day(values.startDate, 'Ingangsdatum', 'startDate');
  const end = day(values.endDate, 'Verwachte einddatum', 'endDate');
  const problems = [start.problem, end.problem].filter((p): p is FormProblem => !!p);
  if (start.iso && start.iso < today) problems.push(fieldProblem('startDate', 'Ingangsdatum', 'kies vandaag of een latere datum'));
  if (start.iso && end.iso && end.iso <= start.iso) problems.push(fieldProblem('endDate', 'Verwachte einddatum', 'kies een datum na de ingangsdatum'));
  return problems;
}

/** Stores a draft next to the state in force now, and returns its preview with a suggested deadline. */
export async function propose(ctx: ActingContext, input: ProposalInput): Promise<Preview> {
  authorize(ctx.actor, 'status.propose');
  const now = ctx.clock.now();
  const office = ctx.config.office;
  const problems = proposalDateProblems(ctx, input);
  if (problems.length > 0) throw problemsError(problems);
  const startDate = checkDate(ctx, input.startDate, 'Ingangsdatum');
  const endDate = checkDate(ctx, input.endDate, 'Verwachte einddatum');
  const { tasks, title } = proposedTasks(office, input);
  const change = await ctx.db.transaction(async (tx) => {
    const before = await loadInForce(tx, office, now, officeZone(ctx));
    const id = await insertChange(tx, {
      kind: 'change', state: 'draft', title, preset: input.preset, tasks, previousTasks: before.tasks, reasonCategory: input.reasonCategory,
      reason: input.reason, practiceImpact: input.practiceImpact, partnerText: input.partnerText, startDate, endDate, proposedBy: personOf(ctx), at: now,
    });
    await auditStep(tx, ctx, 'status.propose', id, { preset: input.preset, tasks, startDate, endDate, reasonCategory: input.reasonCategory });
    return existingChange(tx, id);
  });
  const linkedTeams = (await linkedChannels(ctx.db)).map((c) => c.regioteam!);
  const deadline = isoDay(addWorkingDays(localDay(now, officeZone(ctx)), 3, office));
  return { change: changeFacts(office.rings, change), deadline, linkedTeams };
}

export async function withdraw(ctx: ActingContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.propose');
  return ctx.db.transaction(async (tx) => {
    const change = await moveChange(tx, changeId, 'withdraw');
    if (!change) throw conflict('Dit voorstel is al besloten of ingetrokken.');
    await auditStep(tx, ctx, 'status.withdraw', changeId);
    await refreshConsultation(tx, ctx, change);
    return change;
  });
}
