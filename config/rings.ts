import { z } from 'zod';

/**
 * The core-and-rings model from the report (chapter 5, appendix 3). Tasks move inward in scarce
 * times; the kern is the legal minimum and can never be switched off.
 */
export const RING_IDS = ['kern', 'ring1', 'ring2', 'ring3', 'buiten'] as const;
export type RingId = (typeof RING_IDS)[number];

export const EXECUTION_STATUSES = ['normaal', 'soberder', 'intensiever', 'niet'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** What each status means for daily practice, shown on cards. */
export const EXECUTION_STATUS_TEXT: Record<ExecutionStatus, string> = {
  normaal: 'Wordt uitgevoerd zoals gebruikelijk.',
  soberder: 'Wordt beperkt uitgevoerd: alleen waar het echt nodig is, kortere of online varianten.',
  intensiever: 'Krijgt tijdelijk extra inzet.',
  niet: 'Wordt tijdelijk niet uitgevoerd; verzoeken worden vriendelijk afgewezen of doorverwezen.',
};

export const ringTaskSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  ring: z.enum(RING_IDS),
  name: z.string().min(1),
  /** Shadow tasks are formally in an outer ring but needed in practice (monitoring na overdracht). */
  shadowOf: z.enum(RING_IDS).optional(),
});
export type RingTask = z.infer<typeof ringTaskSchema>;

export const ringSchema = z.object({
  id: z.enum(RING_IDS),
  name: z.string(),
  description: z.string(),
});

export const ringModelSchema = z.object({
  rings: z.array(ringSchema).length(RING_IDS.length),
  tasks: z.array(ringTaskSchema).min(1),
});
export type RingModel = z.infer<typeof ringModelSchema>;

export const defaultRingModel: RingModel = {
  rings: [
    { id: 'kern', name: 'Kern', description: 'Wettelijke taken en minimale kwaliteit: worden altijd uitgevoerd.' },
    { id: 'ring1', name: 'Ring 1', description: 'Effectiviteit en continuïteit: kan tijdelijk worden afgeschaald.' },
    { id: 'ring2', name: 'Ring 2', description: 'Alleen bij voldoende capaciteit.' },
    { id: 'ring3', name: 'Ring 3 (buitenste ring)', description: 'Bewust niet bij krapte.' },
    { id: 'buiten', name: 'Buiten de ringen', description: 'Onlosmakelijk met het dagelijks werk verbonden of schaduwtaak.' },
  ],
  tasks: [
    { id: 'verzuimmeldingen', ring: 'kern', name: 'Verzuimmeldingen ontvangen, beoordelen en verwerken' },
    { id: 'handhaving', ring: 'kern', name: 'Handhaving bij ongeoorloofd verzuim, inclusief luxeverzuim' },
    { id: 'vrijstellingen', ring: 'kern', name: 'Vrijstellingen beoordelen en besluiten' },
    { id: 'zittingsvertegenwoordiging', ring: 'kern', name: 'Zittingsvertegenwoordiging' },
    { id: 'mdo-direct-online', ring: 'ring1', name: "MDO's met directe betrokkenheid (online)" },
    { id: 'maatwerk', ring: 'ring1', name: 'Maatwerk' },
    { id: 'preventief-online', ring: 'ring1', name: 'Preventieve gesprekken (online)' },
    { id: 'thuiszittersaanpak', ring: 'ring1', name: 'Thuiszittersaanpak' },
    { id: 'mdo-direct-fysiek', ring: 'ring2', name: "MDO's met directe betrokkenheid (fysiek)" },
    { id: 'voorlichting', ring: 'ring2', name: 'Voorlichting, bijvoorbeeld op scholen' },
    { id: 'preventief-fysiek', ring: 'ring2', name: 'Preventieve gesprekken (fysiek)' },
    { id: 'huisbezoek', ring: 'ring2', name: 'Deur- en huisbezoek' },
    { id: 'warme-overdracht', ring: 'ring2', name: 'Warme overdracht naar hulpverlening' },
    { id: 'mdo-zonder-betrokkenheid', ring: 'ring3', name: "MDO's zonder directe betrokkenheid, zoals zorg- en veiligheidsoverleggen" },
    { id: 'consultatie-advies', ring: 'buiten', name: 'Consultatie en advies' },
    { id: 'monitoring-na-overdracht', ring: 'buiten', name: 'Monitoring na overdracht', shadowOf: 'ring3' },
  ],
};

/** Every task's status, by task id. */
export type TaskStatuses = Record<string, ExecutionStatus>;

export const allNormal = (model: RingModel): TaskStatuses => Object.fromEntries(model.tasks.map((t) => [t.id, 'normaal' as const]));

/** One task whose status differs between two task maps. */
export interface TaskDiff {
  taskId: string;
  taskName: string;
  ring: string;
  before: ExecutionStatus;
  after: ExecutionStatus;
}

/** The tasks whose status differs between two maps, in model order. */
export function diffStatuses(model: RingModel, before: TaskStatuses, after: TaskStatuses): TaskDiff[] {
  return model.tasks
    .filter((t) => (before[t.id] ?? 'normaal') !== (after[t.id] ?? 'normaal'))
    .map((t) => ({ taskId: t.id, taskName: t.name, ring: t.ring, before: before[t.id] ?? 'normaal', after: after[t.id] ?? 'normaal' }));
}

/** Dutch labels of the statuses, for cards. */
export const EXECUTION_STATUS_LABEL: Record<ExecutionStatus, string> = {
  normaal: 'Normaal',
  soberder: 'Soberder',
  intensiever: 'Intensiever',
  niet: 'Niet',
};

/**
 * A common move in the model, a few clicks on the proposal card. A task's status is taken from
 * `tasks` first, then from its ring in `rings`, otherwise `normaal`.
 */
export interface RingPreset {
  id: string;
  name: string;
  description: string;
  rings: Partial<Record<RingId, ExecutionStatus>>;
  tasks?: Record<string, ExecutionStatus>;
}

export const ringPresets: RingPreset[] = [
  {
    id: 'alle-ringen',
    name: 'Alle ringen',
    description: 'Alle taken worden normaal uitgevoerd.',
    rings: {},
  },
  {
    id: 'ring3-gepauzeerd',
    name: 'Ring 3 gepauzeerd',
    description: "MDO's zonder directe betrokkenheid vervallen; monitoring na overdracht (schaduwtaak) loopt door.",
    rings: { ring3: 'niet' },
  },
  {
    id: 'kern-en-ring1',
    name: 'Alleen kern en ring 1',
    description: 'Ring 2 en 3 vervallen; monitoring na overdracht soberder.',
    rings: { ring2: 'niet', ring3: 'niet' },
    tasks: { 'monitoring-na-overdracht': 'soberder' },
  },
  {
    id: 'noodstand',
    name: 'Noodstand: alleen kern',
    description: 'Alleen de wettelijke kern; consultatie en advies en monitoring soberder.',
    rings: { ring1: 'niet', ring2: 'niet', ring3: 'niet', buiten: 'soberder' },
  },
];

/** The full task map a preset stands for. */
export function applyPreset(model: RingModel, preset: RingPreset): TaskStatuses {
  return Object.fromEntries(model.tasks.map((t) => [t.id, preset.tasks?.[t.id] ?? preset.rings[t.ring] ?? 'normaal']));
}
