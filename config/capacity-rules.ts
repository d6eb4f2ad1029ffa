import { z } from 'zod';

/**
 * When the weekly capacity picture becomes a signal to the MT (report chapter 5: a statusaanpassing
 * is considered on "significante veranderingen in de beschikbare capaciteit … die langdurig(er) van
 * aard zijn"). Each rule compares one office-wide measure with a threshold; "langdurig" is
 * `consecutiveWeeks` weekly snapshots in a row.
 */
export const CAPACITY_MEASURES = {
  /** Open cases of all consulenten against their teams' norm (consulenten × caseloadNorm). */
  openCasesOfNorm: 'Open casussen t.o.v. de norm',
  /** Days not absent in the coming two weeks against ten working days per consulent. */
  availableCapacity: 'Beschikbare capaciteit',
} as const;
export type CapacityMeasure = keyof typeof CAPACITY_MEASURES;

export const capacityRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or dashes'),
  measure: z.enum(Object.keys(CAPACITY_MEASURES) as [CapacityMeasure]),
  /** "above": the rule holds when the measure is above the threshold; "below": under it. */
  direction: z.enum(['above', 'below']),
  /** A share: 1.1 is 110 %. */
  threshold: z.number().positive().max(10),
});
export type CapacityRule = z.infer<typeof capacityRuleSchema>;

export const capacityRulesSchema = z
  .object({
    rules: z.array(capacityRuleSchema).min(1),
    consecutiveWeeks: z.number().int().min(1).max(26).default(3),
    /**
     * Reason categories of a statusaanpassing (config/status-labels.ts) after which recovered
     * capacity suggests ending it; a change for another reason (budget) is left alone.
     */
    recoveryReasons: z.array(z.string()).default(['capaciteit', 'personeelsuitval']),
    /** The half-yearly evaluation round with the staff (its lead time is monitoringRules.evaluationLeadWeeks). */
    evaluation: z
      .object({
        /** Results (and each group's breakdown) are shown only for at least this many answers. */
        minGroupSize: z.number().int().min(3).default(5),
        /** One reminder to those who have not answered, this many days after the invitation. */
        reminderAfterDays: z.number().int().min(1).default(7),
      })
      .default({ minGroupSize: 5, reminderAfterDays: 7 }),
    /** Snapshots are aggregates only; they are deleted after this many months. */
    retentionMonths: z.number().int().min(24).default(24),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule "${rule.id}" appears twice` });
      seen.add(rule.id);
    });
  });
export type CapacityRules = z.infer<typeof capacityRulesSchema>;

/** The report's "significant": open cases above 110 % of the norm, or available capacity below 85 %. */
export const defaultCapacityRules: CapacityRules = {
  rules: [
    { id: 'open-boven-norm', measure: 'openCasesOfNorm', direction: 'above', threshold: 1.1 },
    { id: 'capaciteit-onder', measure: 'availableCapacity', direction: 'below', threshold: 0.85 },
  ],
  consecutiveWeeks: 3,
  recoveryReasons: ['capaciteit', 'personeelsuitval'],
  evaluation: { minGroupSize: 5, reminderAfterDays: 7 },
  retentionMonths: 24,
};

/** The evaluation card's answer to "Welke taak zou jij anders indelen?" when no task should move. */
export const NO_TASK_CHOICE = 'geen';
