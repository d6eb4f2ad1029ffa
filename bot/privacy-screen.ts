import type { UserFacingError } from '../services/errors';
import { localDay } from '../lib/dates';
import { staffNames } from '../services/personal-data/staff';
import { findPersonalData, personalDataRefusal, screenContext, type FieldPurpose, type ScreenedField } from '../services/privacy';
import type { ScreenSpec, TurnScope } from './feature';

/**
 * Screens the free-text fields a card action declares (ActionDef.screen) before its handler runs,
 * so no verb can post or store them unscreened. Colleagues' names come from the people table
 * (cached) plus the actor's own name; birth dates are judged against today in the office's zone.
 * Returns the refusal, or nothing when the text is clean.
 */
export async function screenFields<T>(scope: TurnScope, spec: ScreenSpec<T>, data: T, labels: Record<string, string> = {}): Promise<UserFacingError | undefined> {
  const values = data as Record<string, unknown>;
  const fields = Object.entries(spec.fields).flatMap(([key, rule]) => {
    const { purpose, when } = (typeof rule === 'string' ? { purpose: rule } : rule) as { purpose: FieldPurpose; when?: (d: T) => boolean };
    const text = values[key];
    if (typeof text !== 'string' || text.trim() === '' || (when && !when(data))) return [];
    return [{ key, label: labels[key] ?? key, purpose, text }];
  });
  if (fields.length === 0) return undefined;

  const day = localDay(scope.clock.now(), scope.config.env.WENDBAAR_TIME_ZONE);
  const names = await staffNames(scope.db);
  const ctx = await screenContext({
    office: scope.config.office,
    today: { year: day.year, month: day.month, day: day.day },
    staffNames: scope.actor.name ? [...names, scope.actor.name] : names,
  });
  const refused: ScreenedField[] = fields
    .map((f) => ({ label: f.label, purpose: f.purpose, findings: findPersonalData(f.text, ctx) }))
    .filter((f) => f.findings.length > 0);
  return refused.length > 0 ? personalDataRefusal(refused, scope.actor) : undefined;
}
