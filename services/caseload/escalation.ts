import { DateTime } from 'luxon';
import { timeZone } from '../../lib/time-zone';
import type { Env } from '../../config/env';
import type { Office } from '../../config/office';
import { addWorkingDays } from '../../lib/dates';
import type { HelpRequest } from './types';

/** How long a request may wait for accepted help before its teamleider is asked to step in. */
export interface EscalationPolicy {
  workingDays: number;
  /** For urgency "vandaag". */
  urgentHours: number;
}

export const DEFAULT_ESCALATION: EscalationPolicy = { workingDays: 1, urgentHours: 2 };

/** The policy from the (zod-validated) environment; defaults: one working day, two hours. */
export function escalationPolicy(env: Pick<Env, 'WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS' | 'WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS'>): EscalationPolicy {
  return { workingDays: env.WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS, urgentHours: env.WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS };
}

export function escalationDueAt(
  request: Pick<HelpRequest, 'createdAt' | 'urgency'>,
  office: Pick<Office, 'publicHolidays'>,
  zone: string,
  policy: EscalationPolicy = DEFAULT_ESCALATION,
): Date {
  if (request.urgency === 'vandaag') return new Date(request.createdAt.getTime() + policy.urgentHours * 3_600_000);
  return addWorkingDays(DateTime.fromJSDate(request.createdAt, { zone: timeZone(zone) }), policy.workingDays, office).toJSDate();
}
