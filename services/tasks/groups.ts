import { can } from '../authz';
import { escalatedRequests, offersToAccept, ownActiveRequests, ownOffers, teamRequestsNeedingHelp } from '../caseload/store/tasks';
import { officeZone, type ActingContext } from '../context';
import { upcomingMdos } from '../mdo/store';
import { itemsWaitingFor } from '../monitoring/store/tasks';
import { changesToDecide, consultationsToAnswer } from '../status/store';
import { unreadAnnouncements } from '../status/store/audience';
import { upcomingChangesFor } from '../status/upcoming';
import type { TaskGroupKey, TaskRow } from './types';

/** Rows read per query: enough for "en nog N" to be exact for any realistic list. */
export const FETCH_LIMIT = 200;
/** Announcements older than this are history, no longer a task. */
const ANNOUNCEMENT_DAYS = 60;

const iso = (at: Date | string) => new Date(at).toISOString();

export interface GroupSource {
  key: TaskGroupKey;
  /** The actor's rows of this group, only what they may see and act on, in the group's order. */
  load(ctx: ActingContext, today: string): Promise<TaskRow[]>;
  /** Rows come in their own order (monitoring: earliest deadline first); otherwise newest first. */
  keepOrder?: boolean;
  /** Information only: rows without actions of their own. */
  info?: boolean;
}

/**
 * Every group of the `taken` list, in the order the card shows them. A new group is one entry here
 * (and its row kinds in cards/tasks/views.ts); each reads from the owning feature's store.
 */
export const TASK_GROUPS: GroupSource[] = [
  {
    key: 'status',
    async load(ctx, today) {
      const { aadObjectId: aad, regioteam } = ctx.actor;
      const since = new Date(ctx.clock.now().getTime() - ANNOUNCEMENT_DAYS * 86_400_000);
      const rows: TaskRow[] = [];
      if (regioteam) {
        for (const c of await consultationsToAnswer(ctx.db, regioteam, aad, today, FETCH_LIMIT)) {
          rows.push({ kind: 'status.consultation', at: iso(c.at), changeId: Number(c.changeId), title: c.title, deadline: c.deadline });
        }
      }
      // Announcements go to their audience as fixed when published, whatever team the person is in now.
      for (const a of await unreadAnnouncements(ctx.db, aad, since, FETCH_LIMIT)) {
        rows.push({ kind: 'status.announcement', at: iso(a.at), announcementId: Number(a.announcementId), title: a.title, announcement: a.kind });
      }
      if (can(ctx.actor, 'status.decide')) {
        for (const c of await changesToDecide(ctx.db, aad, today, FETCH_LIMIT)) {
          rows.push({ kind: 'status.decision', at: iso(c.at), changeId: Number(c.changeId), title: c.title, state: c.state, deadline: c.deadline });
        }
      }
      return rows;
    },
  },
  {
    key: 'caseload',
    async load(ctx) {
      const { aadObjectId: aad, regioteam, teamleiderOf } = ctx.actor;
      const [offers, own, team, helping, escalated] = await Promise.all([
        offersToAccept(ctx.db, aad, FETCH_LIMIT),
        ownActiveRequests(ctx.db, aad, FETCH_LIMIT),
        regioteam ? teamRequestsNeedingHelp(ctx.db, regioteam, aad, FETCH_LIMIT) : [],
        ownOffers(ctx.db, aad, FETCH_LIMIT),
        escalatedRequests(ctx.db, teamleiderOf, FETCH_LIMIT),
      ]);
      return [
        ...offers.map((o): TaskRow => ({ kind: 'caseload.offerToAccept', ...o })),
        // A request with offers to accept is already there through its offers.
        ...own.filter((r) => !offers.some((o) => o.requestId === r.requestId)).map((r): TaskRow => ({ kind: 'caseload.ownRequest', ...r })),
        // The teamleider sees an escalated request once, as escalated.
        ...team.filter((r) => !escalated.some((e) => e.requestId === r.requestId)).map((r): TaskRow => ({ kind: 'caseload.teamRequest', ...r })),
        ...helping.map((o): TaskRow => ({ kind: 'caseload.ownOffer', ...o })),
        ...escalated.map((r): TaskRow => ({ kind: 'caseload.escalated', ...r })),
      ];
    },
  },
  {
    key: 'monitoring',
    keepOrder: true,
    async load(ctx, today) {
      const items = await itemsWaitingFor(ctx.db, ctx.actor.aadObjectId, today, FETCH_LIMIT);
      return items.map((i): TaskRow => ({ kind: 'monitoring.item', at: i.dueOn ?? today, ...i }));
    },
  },
  {
    key: 'mdo',
    keepOrder: true,
    async load(ctx) {
      const mdos = await upcomingMdos(ctx.db, ctx.actor.aadObjectId, ctx.clock.now(), FETCH_LIMIT);
      return mdos.map((m): TaskRow => ({
        kind: 'mdo.upcoming', at: iso(m.meeting_at), decisionId: m.id, mdoType: m.mdo_type, detail: m.detail, meetingAt: iso(m.meeting_at),
        decided: m.status === 'decided', outcome: m.final_outcome ?? m.advised_outcome,
      }));
    },
  },
  {
    key: 'upcoming',
    keepOrder: true,
    info: true,
    async load(ctx) {
      const upcoming = await upcomingChangesFor(ctx.db, ctx.config.office, ctx.clock.now(), ctx.actor.aadObjectId, officeZone(ctx));
      return upcoming.map((u): TaskRow => ({
        kind: 'upcoming.change', at: u.startDate, changeId: u.id, announcementId: u.announcementId, title: u.title, startDate: u.startDate, endDate: u.endDate ?? null, changes: u.changes,
      }));
    },
  },
];
