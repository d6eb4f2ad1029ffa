import type { Actor } from '../../services/authz';
import type { TaskGroupKey, TaskList, TaskRow } from '../../services/tasks/types';
import type { RenderContext } from '../registry';
import { onBehalfRow, ROWS, type RowView } from './rows';

/** View model of the `taken` card: the actor's task list → Dutch groups, rows and buttons. */

export const GROUP_TITLES: Record<TaskGroupKey, string> = {
  status: 'Statusaanpassingen',
  caseload: 'Ondersteuning',
  monitoring: 'Monitoring',
  mdo: 'MDO',
  namens: "Namens afwezige collega's",
  upcoming: 'Besloten, nog niet van kracht',
};

/** Data every acting button carries besides its verb's own: the list to come back to. */
export const RETURN_TO = 'taken';

export interface TasksCardData {
  title: string;
  intro: string;
  /** What the last click did (or why it no longer could); empty on a fresh list. */
  message: string;
  messageStyle: 'good' | 'warning' | 'default';
  empty: string;
  /** Said when the team's rows cannot be there because the person's regioteam is unknown. */
  hint: string;
  groups: Array<{
    title: string;
    rows: Array<{ text: string; detail: string; buttons: Array<{ title: string; verb: string; data: Record<string, unknown>; style: string }> }>;
    more: string;
    moreData: { group: TaskGroupKey } | null;
  }>;
  showAll: boolean;
}

export interface TasksMessage {
  text: string;
  style: 'good' | 'warning';
}

function rowView(row: TaskRow, ctx: RenderContext, today: string): RowView {
  const view = (ROWS[row.kind] as (r: TaskRow, c: RenderContext, t: string) => RowView)(row, ctx, today);
  return 'forOwner' in row && row.forOwner ? onBehalfRow(view, row.forOwner, ctx.zone) : view;
}

export function tasksView(list: TaskList, actor: Pick<Actor, 'name' | 'regioteam' | 'isMt'>, ctx: RenderContext, message?: TasksMessage): TasksCardData {
  const back = { returnTo: RETURN_TO, ...(list.only ? { taskGroup: list.only } : {}) };
  const firstName = actor.name.split(' ')[0] ?? '';
  // Information (decided changes not yet in force) is shown, but nothing in it waits for the person.
  const waiting = list.groups.some((g) => !g.info);
  return {
    title: list.only ? `Mijn taken: ${GROUP_TITLES[list.only].toLowerCase()}` : 'Mijn taken',
    intro: waiting ? `Dit wacht op jou${firstName ? `, ${firstName}` : ''}. Nieuwste eerst; monitoring en MDO op datum.` : '',
    message: message?.text ?? '',
    messageStyle: message?.style ?? 'default',
    empty: waiting ? '' : `Er wacht nu niets op je${firstName ? `, ${firstName}` : ''}. Fijne dag!`,
    hint: actor.regioteam || actor.isMt
      ? ''
      : 'Wendbaar weet nog niet in welk regioteam je werkt, dus hulpvragen en consultaties van je team staan hier nog niet. Stuur Wendbaar één keer een bericht in het kanaal van je regioteam (@Wendbaar menu).',
    groups: list.groups.map((g) => {
      const hidden = g.total - g.rows.length;
      return {
        title: `${GROUP_TITLES[g.key]} (${g.total})`,
        rows: g.rows.map((row) => {
          const view = rowView(row, ctx, list.today);
          return {
            text: view.text,
            detail: view.detail,
            buttons: view.buttons.map((b) => ({ title: b.title, verb: b.verb, style: b.style, data: b.acts ? { ...b.data, ...back } : b.data })),
          };
        }),
        more: hidden > 0 ? `en nog ${hidden}` : '',
        // The group on its own shows more rows; beyond that, handling these first brings up the rest.
        moreData: hidden > 0 && !list.only ? { group: g.key } : null,
      };
    }),
    showAll: !!list.only,
  };
}
