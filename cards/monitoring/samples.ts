import { findKind } from '../../config/monitoring-rules';
import { defaultOfficeInput, parseOffice } from '../../config/office';
import type { Actor } from '../../services/authz';
import type { DigestLine, ItemSnapshot, MonitoringOverview } from '../../services/monitoring/types';
import type { RenderContext } from '../registry';
import type { AdaptiveCard } from '../render';
import { monitoringItemCard, monitoringStartCard } from './cards';
import { monitoringPostCards } from './posts';
import { itemView, startedMessage, startView } from './views';

/** Example cards with realistic (invented) data through the real rules and views, for the card tests and screenshots. */
const ctx: RenderContext = { office: parseOffice(defaultOfficeInput), zone: 'Europe/Amsterdam' };
const item = (snapshot: ItemSnapshot) => monitoringPostCards['monitoring.item'](snapshot, ctx);

/** An open item whose first check was announced today (also the unit tests' starting point). */
export const sampleItem: ItemSnapshot = {
  id: 42,
  kind: 'overdracht-wijkteam',
  caseReference: 'C-2026-0412',
  anchorDate: '2026-10-27',
  regioteam: 'noord',
  status: 'open',
  outcome: null,
  closedAt: null,
  meetingRecorded: false,
  escalated: false,
  ownerName: 'Sanne Bakker',
  stages: [
    { stage: 'controle', dueOn: '2026-11-24', round: 0, status: 'announced', late: false },
    { stage: 'termijn', dueOn: '2026-12-08', round: 0, status: 'pending', late: false },
  ],
  currentStage: 'controle',
  colleagues: [{ aad: 'aad-consulent-2', name: 'Daan Jansen' }, { aad: 'aad-consulent-3', name: 'Noor Hendriks' }],
  today: '2026-11-24',
};

const line = (caseReference: string, kind: string, stage: string, dueOn: string, ownerName: string, late = false): DigestLine =>
  ({ caseReference, kind, stage, dueOn, late, ownerName });

const overview: MonitoringOverview = {
  regioteam: 'noord',
  colleagues: [{ aad: 'aad-consulent-2', name: 'Daan Jansen' }],
  items: [
    { id: 41, caseReference: 'C-2025-1187', kind: 'vrijstelling-5a', stage: 'overleg', dueOn: '2026-11-20' },
    { id: 42, caseReference: 'C-2026-0412', kind: 'overdracht-wijkteam', stage: 'controle', dueOn: '2026-11-24' },
    { id: 44, caseReference: 'C-2026-0520', kind: 'thuiszitter', stage: 'langdurig', dueOn: '2026-11-26' },
  ],
  today: '2026-11-24',
};
const sanne: Actor = { aadObjectId: 'aad-consulent-1', name: 'Sanne Bakker', isMt: false, isBeleid: false, teamleiderOf: [], regioteam: 'noord' };

export const samples: Record<string, AdaptiveCard> = {
  'monitoring-item-open': item(sampleItem),
  'monitoring-item-late-vrijstelling': item({
    ...sampleItem,
    id: 43,
    kind: 'vrijstelling-5a',
    caseReference: 'C-2025-1187',
    anchorDate: '2027-02-20',
    stages: [
      { stage: 'overleg', dueOn: '2026-11-20', round: 0, status: 'announced', late: true },
      { stage: 'herinnering', dueOn: '2027-01-20', round: 0, status: 'pending', late: false },
    ],
    currentStage: 'overleg',
  }),
  'monitoring-item-closed': item({
    ...sampleItem,
    status: 'closed',
    outcome: 'afgerond',
    closedAt: '2026-11-24T10:15:00.000Z',
    escalated: true,
    stages: [sampleItem.stages[0]!, { ...sampleItem.stages[1]!, status: 'cancelled' }],
    currentStage: undefined,
  }),
  'monitoring-digest': monitoringPostCards['monitoring.digest']({
    regioteam: 'noord',
    today: '2026-11-24',
    overdue: [line('C-2025-1187', 'vrijstelling-5a', 'overleg', '2026-11-20', 'Daan Jansen', true)],
    dueToday: [
      line('C-2026-0377', 'no-show', 'opvolgen', '2026-11-24', 'Daan Jansen'),
      line('C-2026-0412', 'overdracht-wijkteam', 'controle', '2026-11-24', 'Sanne Bakker'),
    ],
    upcoming: [line('C-2026-0520', 'thuiszitter', 'langdurig', '2026-11-26', 'Sanne Bakker')],
  }, ctx),
  'monitoring-start': monitoringStartCard(startView(overview, sanne, ctx, startedMessage('C-2026-0412', findKind(ctx.office.monitoringRules, 'overdracht-wijkteam')!))),
  'monitoring-start-empty': monitoringStartCard(startView({ regioteam: 'noord', colleagues: [], items: [], today: '2026-11-24' }, sanne, ctx)),
  'monitoring-start-problems': monitoringStartCard(startView(overview, sanne, ctx, '', {
    values: { kind: 'thuiszitter', caseReference: 'Jan de Vries', date: '', owner: 'aad-consulent-1', regioteam: 'noord' },
    problems: [
      { field: 'caseReference', text: 'Casusnummer: dit lijkt een naam; gebruik het casusnummer uit Carel' },
      { field: 'date', text: 'Datum: kies een datum' },
    ],
  })),
  'monitoring-item-extend-problems': monitoringItemCard(itemView(sampleItem, ctx, {
    values: { newDate: '', reason: 'Wachten op het plan van de school' },
    problems: [{ field: 'newDate', text: 'Nieuwe datum: kies een nieuwe datum' }],
  })),
  'monitoring-evaluation-reminder': monitoringPostCards['monitoring.evaluationReminder']({ evaluationDate: '2027-03-15', leadWeeks: 4 }, ctx),
};
