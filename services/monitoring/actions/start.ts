import type { Config } from '../../../config';
import type { MonitoringKind } from '../../../config/monitoring-rules';
import { isoDay, localDay, parseIsoDay, schoolYearOf } from '../../../lib/dates';
import type { AuditOfWrite } from '../../audit/store';
import { authorize, can } from '../../authz';
import type { TurnScope } from '../../context';
import type { Queryable } from '../../db';
import { conflict, forbidden, validationError } from '../../errors';
import { peopleInTeam } from '../../people/store';
import { computeStages, kindOrThrow, onceKey, oncePerYearMessage } from '../rules';
import { insertItem, ownOpenItems } from '../store/items';
import type { MonitoringOverview } from '../types';

export interface NewItem {
  kind: string;
  caseReference: string;
  /** The rule's anchor date (start or end), YYYY-MM-DD. */
  date: string;
  ownerAad: string;
  regioteam: string;
  createdBy: string;
  source?: 'card' | 'import';
}

/**
 * Stores an item with the due date of each stage and (when given) its audit entry, atomically.
 * Refuses an unknown kind or team, an impossible date and a second once-per-school-year item
 * (also when two arrive at once).
 */
export async function createItem(q: Queryable, config: Config, input: NewItem, entry?: AuditOfWrite): Promise<number> {
  const office = config.office;
  const zone = config.env.WENDBAAR_TIME_ZONE;
  const kind = kindOrThrow(office.monitoringRules, input.kind);
  if (!office.regioteams.some((t) => t.id === input.regioteam)) throw validationError(`Onbekend regioteam "${input.regioteam}".`);
  let anchor;
  try {
    anchor = parseIsoDay(input.date, zone);
  } catch {
    throw validationError(`"${input.date}" is geen geldige datum; gebruik jjjj-mm-dd.`);
  }
  const schoolYear = schoolYearOf(anchor).label;
  const id = await insertItem(
    q,
    {
      kind: kind.id, caseReference: input.caseReference, anchorDate: isoDay(anchor), ownerAad: input.ownerAad, regioteam: input.regioteam,
      schoolYear, onceKey: onceKey(kind, input.caseReference, schoolYear), source: input.source ?? 'card', createdBy: input.createdBy,
    },
    computeStages(kind, isoDay(anchor), office, zone),
    entry,
  );
  if (id === undefined) throw conflict(oncePerYearMessage(kind, input.caseReference, schoolYear));
  return id;
}

/** The regioteam the `monitoring` form preselects: the actor's own, else the channel's, else the first. */
const preselectedTeam = (scope: TurnScope) => scope.actor.regioteam ?? scope.conversation.regioteam ?? scope.config.office.regioteams[0]!.id;

/** The actor's own open items by due date, and the colleagues they may start an item for. */
export async function monitoringOverview(scope: TurnScope): Promise<MonitoringOverview> {
  const regioteam = preselectedTeam(scope);
  // Only who may start items for others (the team's teamleider, the MT) chooses the consulent.
  const team = can(scope.actor, 'monitoring.startForOthers', { regioteam }) ? await peopleInTeam(scope.db, regioteam) : [];
  const colleagues = team.filter((p) => p.aad_object_id !== scope.actor.aadObjectId && p.name).map((p) => ({ aad: p.aad_object_id, name: p.name }));
  const items = (await ownOpenItems(scope.db, scope.actor.aadObjectId)).map((row) => ({
    id: Number(row.id), caseReference: row.case_reference, kind: row.kind, stage: row.stage, dueOn: row.due_on,
  }));
  return { regioteam, colleagues, items, today: isoDay(localDay(scope.clock.now(), scope.config.env.WENDBAAR_TIME_ZONE)) };
}

/**
 * "Start monitoring" from the card: for oneself, or (teamleider, MT) for a consulent of the chosen
 * team. Returns the new item's kind and the actor's overview with it.
 */
export async function startItem(
  scope: TurnScope,
  input: { kind: string; caseReference: string; date: string; owner: string; regioteam: string },
): Promise<{ itemId: number; kind: MonitoringKind; overview: MonitoringOverview }> {
  const kind = kindOrThrow(scope.config.office.monitoringRules, input.kind);
  // Only the owner themself, their teamleider or the MT may start an item for someone.
  if (input.owner !== scope.actor.aadObjectId) {
    authorize(scope.actor, 'monitoring.startForOthers', { regioteam: input.regioteam });
    const team = await peopleInTeam(scope.db, input.regioteam);
    if (!team.some((p) => p.aad_object_id === input.owner)) throw forbidden('Kies een consulent uit het gekozen regioteam.');
  }
  const itemId = await createItem(scope.db, scope.config, {
    kind: kind.id, caseReference: input.caseReference, date: input.date, ownerAad: input.owner, regioteam: input.regioteam, createdBy: scope.actor.aadObjectId,
  }, { actor: scope.actor.aadObjectId, action: 'monitoring.create', subjectPrefix: 'monitoring:', details: { kind: kind.id }, correlationId: scope.correlationId });
  scope.log.info({ itemId, kind: kind.id }, 'monitoring item created');
  return { itemId, kind, overview: await monitoringOverview(scope) };
}
