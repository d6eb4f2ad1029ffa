import { z } from 'zod';

/**
 * The office's monitoring deadlines as data (issue 7). Each kind of monitoring item has an anchor
 * date (the start, e.g. the hand-over, or the end, e.g. of a vrijstelling) and stages at offsets
 * before or after it. Sources: the report's verbetervoorstellen 3, 4 and 5, chapter 2 and the VO
 * project plan (see README "Monitoring").
 */
const slug = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits or dashes');

export const monitoringActionIds = ['hulp-gestart', 'afgerond', 'verlengen', 'overdragen', 'escaleren', 'overleg-vastgelegd'] as const;
export type MonitoringActionId = (typeof monitoringActionIds)[number];

export const stageOffsetSchema = z.object({
  amount: z.number().int().min(0),
  unit: z.enum(['days', 'workingDays', 'weeks', 'schoolWeeks', 'months']),
  direction: z.enum(['before', 'after']),
});
export type StageOffset = z.infer<typeof stageOffsetSchema>;

export const monitoringStageSchema = z.object({
  id: slug,
  offset: stageOffsetSchema,
  /** Dutch: what the consulent should do now. */
  text: z.string().min(1),
  /** `noMeeting`: skipped when a meeting was recorded on the item (vrijstelling −1 month). */
  onlyIf: z.enum(['always', 'noMeeting']).default('always'),
});
export type MonitoringStage = z.infer<typeof monitoringStageSchema>;

export const monitoringKindSchema = z.object({
  id: slug,
  /** Dutch name of the kind on cards. */
  label: z.string().min(1),
  /** Which date the stages count from. */
  anchor: z.enum(['start', 'end']),
  /** Dutch label of that date on the start card and in CSV rejections. */
  anchorLabel: z.string().min(1),
  stages: z.array(monitoringStageSchema).min(1),
  actions: z.array(z.enum(monitoringActionIds)).min(1),
  /** At most one item per case reference per school year (1 August – 31 July). */
  oncePerSchoolYear: z.boolean().default(false),
});
export type MonitoringKind = z.infer<typeof monitoringKindSchema>;

export const monitoringRulesSchema = z
  .object({
    kinds: z.array(monitoringKindSchema).min(1),
    /** Closed items are purged this many months after closing (data minimisation). */
    retentionMonths: z.number().int().min(1).default(12),
    /** MT and beleid are reminded this many weeks before each office.evaluationDates entry. */
    evaluationLeadWeeks: z.number().int().min(1).default(4),
  })
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.kinds.forEach((kind, i) => {
      if (seen.has(kind.id)) ctx.addIssue({ code: 'custom', path: ['kinds', i, 'id'], message: `kind "${kind.id}" appears twice` });
      seen.add(kind.id);
      const stages = new Set<string>();
      kind.stages.forEach((stage, j) => {
        if (stages.has(stage.id)) ctx.addIssue({ code: 'custom', path: ['kinds', i, 'stages', j, 'id'], message: `stage "${stage.id}" appears twice` });
        stages.add(stage.id);
      });
    });
  });
export type MonitoringRules = z.infer<typeof monitoringRulesSchema>;

const all: MonitoringActionId[] = ['hulp-gestart', 'afgerond', 'verlengen', 'overdragen', 'escaleren'];
const after = (amount: number, unit: StageOffset['unit']): StageOffset => ({ amount, unit, direction: 'after' });
const before = (amount: number, unit: StageOffset['unit']): StageOffset => ({ amount, unit, direction: 'before' });

export const defaultMonitoringRules: MonitoringRules = {
  retentionMonths: 12,
  evaluationLeadWeeks: 4,
  kinds: [
    {
      id: 'overdracht-wijkteam',
      label: 'Overdracht aan sociaal wijkteam',
      anchor: 'start',
      anchorLabel: 'Datum overdracht',
      oncePerSchoolYear: false,
      stages: [
        { id: 'controle', offset: after(4, 'weeks'), text: 'Controleer of de hulp is gestart en het verzuim stopt: is de hulp gestart?', onlyIf: 'always' },
        { id: 'termijn', offset: after(6, 'weeks'), text: 'De monitoringstermijn loopt af; de regie ligt bij het wijkteam.', onlyIf: 'always' },
      ],
      actions: all,
    },
    {
      id: 'vrijstelling-5a',
      label: 'Vrijstelling artikel 5 onder a',
      anchor: 'end',
      anchorLabel: 'Einddatum vrijstelling',
      oncePerSchoolYear: false,
      stages: [
        { id: 'overleg', offset: before(3, 'months'), text: 'Plan het overleg met ouders, jeugdige, jeugdarts en samenwerkingsverband.', onlyIf: 'always' },
        { id: 'herinnering', offset: before(1, 'months'), text: 'Er is nog geen overleg vastgelegd: plan het overleg met ouders, jeugdige, jeugdarts en samenwerkingsverband.', onlyIf: 'noMeeting' },
      ],
      actions: ['overleg-vastgelegd', 'afgerond', 'verlengen', 'overdragen', 'escaleren'],
    },
    {
      id: 'thuiszitter',
      label: 'Thuiszitter',
      anchor: 'start',
      anchorLabel: 'Thuis sinds',
      oncePerSchoolYear: false,
      stages: [
        { id: 'langdurig', offset: after(4, 'schoolWeeks'), text: 'Vier schoolweken thuis: dit is nu een langdurige thuiszitter.', onlyIf: 'always' },
        { id: 'thuiszitterstafel', offset: after(3, 'months'), text: 'Langer dan drie maanden thuis: aanmelden voor de thuiszitterstafel.', onlyIf: 'always' },
      ],
      actions: all,
    },
    {
      id: 'no-show',
      label: 'Niet verschenen op afspraak',
      anchor: 'start',
      anchorLabel: 'Datum gemiste afspraak',
      oncePerSchoolYear: false,
      stages: [{ id: 'opvolgen', offset: after(1, 'workingDays'), text: 'Neem contact op en plan een nieuwe afspraak.', onlyIf: 'always' }],
      actions: ['afgerond', 'verlengen', 'overdragen', 'escaleren'],
    },
    {
      id: 'preventief-gesprek',
      label: 'Preventief gesprek',
      anchor: 'start',
      anchorLabel: 'Datum gesprek',
      oncePerSchoolYear: true,
      stages: [{ id: 'terugkoppeling', offset: after(3, 'workingDays'), text: 'Stuur de terugkoppeling naar school (alleen afspraken, geen gevoelige details).', onlyIf: 'always' }],
      actions: ['afgerond', 'verlengen', 'overdragen', 'escaleren'],
    },
  ],
};

export function findKind(rules: MonitoringRules, id: string): MonitoringKind | undefined {
  return rules.kinds.find((k) => k.id === id);
}
