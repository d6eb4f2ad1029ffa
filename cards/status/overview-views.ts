import { EXECUTION_STATUS_LABEL, EXECUTION_STATUS_TEXT, type RingModel, type TaskStatuses } from '../../config/rings';
import { deciderNames, reasonLabel } from '../../config/status-labels';
import { dutchDate } from '../../lib/dates';
import type { ChangeFacts, ChangeRow } from '../../services/status/types';
import type { UpcomingChange } from '../../services/status/upcoming';
import type { ExportCardData, Fact, HistoryCardData, StatusCardData, TextColor } from './cards';
import { changeLines, period, statusColor, why } from './labels';

/** The cards of the `status` and `status geschiedenis` commands: what is in force, and every decision. */

type Shown = Pick<ChangeFacts, 'title' | 'kind' | 'startDate' | 'endDate' | 'reasonCategory' | 'reason' | 'decidedBy'>;

/** Decided changes that start later: "Vanaf di 1 dec 2026: Ring 3 gepauzeerd" and what changes per task. */
export const upcomingView = (upcoming: UpcomingChange[]) =>
  upcoming.map((u) => ({
    heading: `Vanaf ${dutchDate(u.startDate)}: ${u.title}${u.endDate ? ` (verwacht tot ${dutchDate(u.endDate)})` : ''}`,
    changes: changeLines(u.changes),
  }));

export function statusView(
  model: RingModel,
  state: { tasks: TaskStatuses; change?: Shown; lapsedFrom?: Pick<ChangeRow, 'title'> },
  upcoming: UpcomingChange[] = [],
): StatusCardData {
  const c = state.change;
  const facts: Fact[] = c
    ? [
        { title: 'Sinds', value: dutchDate(c.startDate) },
        { title: 'Tot', value: c.endDate ? `${dutchDate(c.endDate)} (verwacht)` : 'tot nader order' },
        { title: 'Waarom', value: why(c) },
        { title: 'Besloten door', value: deciderNames(c) },
      ]
    : [];
  const headline = c
    ? c.kind === 'end'
      ? `${c.title}: de uitvoering is terug naar de stand van vóór de aanpassing.`
      : `Statusaanpassing "${c.title}" is van kracht.`
    : state.lapsedFrom
      ? `De statusaanpassing "${state.lapsedFrom.title}" is afgelopen; de uitvoering is terug naar de stand daarvoor.`
      : upcoming.length > 0
        ? 'Nu worden alle taken normaal uitgevoerd. Het MT heeft al besloten wat er hieronder verandert.'
        : 'Alle taken worden normaal uitgevoerd; er is geen statusaanpassing van kracht.';
  const used = [...new Set(Object.values(state.tasks))].filter((s) => s !== 'normaal');
  return {
    headline,
    headerStyle: c && c.kind === 'change' ? 'warning' : 'emphasis',
    facts,
    upcoming: upcomingView(upcoming),
    rings: model.rings.map((ring) => ({
      name: ring.name,
      description: ring.description,
      tasks: model.tasks
        .filter((t) => t.ring === ring.id)
        .map((t) => {
          const s = state.tasks[t.id] ?? 'normaal';
          return { name: t.shadowOf ? `${t.name} (schaduwtaak)` : t.name, label: EXECUTION_STATUS_LABEL[s], color: statusColor(s) };
        }),
    })),
    footnote: used.length > 0 ? used.map((s) => `${EXECUTION_STATUS_LABEL[s]}: ${EXECUTION_STATUS_TEXT[s]}`).join(' ') : EXECUTION_STATUS_TEXT.normaal,
  };
}

/** Every decision, newest first; the one in force today is marked. */
export function historyView({ changes, inForceId }: { changes: ChangeFacts[]; inForceId?: number }): HistoryCardData {
  const items = [...changes].reverse().map((c) => {
    const state =
      c.id === inForceId
        ? { stateLabel: 'Van kracht', stateColor: 'Good' as TextColor }
        : c.state === 'ended'
          ? { stateLabel: 'Beëindigd', stateColor: 'Default' as TextColor }
          : { stateLabel: c.kind === 'end' ? 'Einde' : 'Besloten', stateColor: 'Default' as TextColor };
    return { title: c.title, ...state, period: period(c), reason: reasonLabel(c), decidedBy: deciderNames(c), changes: changeLines(c.changes).join('; ') };
  });
  return { summary: `${items.length} ${items.length === 1 ? 'besluit' : 'besluiten'}, nieuwste eerst.`, items };
}

/** `status export`: how many decisions, what is in force and decided, the newest three, and the tab. */
export function exportView(d: { changes: ChangeFacts[]; inForceId?: number; upcoming: UpcomingChange[]; tabUrl: string }): ExportCardData {
  const n = d.changes.length;
  const current = d.changes.find((c) => c.id === d.inForceId);
  const facts: Fact[] = [{ title: 'Nu van kracht', value: current ? `${current.title}, ${period(current)}` : 'Geen statusaanpassing: alle taken normaal' }];
  for (const u of d.upcoming) facts.push({ title: 'Besloten', value: `Vanaf ${dutchDate(u.startDate)}: ${u.title}` });
  return {
    summary: n === 0 ? 'Er zijn nog geen statusaanpassingen besloten.' : `${n} ${n === 1 ? 'besluit' : 'besluiten'} sinds ${dutchDate(d.changes[0]!.startDate)}.`,
    facts,
    recent: [...d.changes].reverse().slice(0, 3).map((c) => `${c.title}: ${period(c)}`),
    tabUrl: d.tabUrl,
  };
}
