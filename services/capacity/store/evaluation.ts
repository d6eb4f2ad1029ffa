import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db';
import type { EvaluationAnswer } from '../types';

/** All SQL of the half-yearly evaluation round. Invitations know who; answers never do. */

/** Invites the people not invited yet for this date; returns the ones newly invited. */
export async function invite(q: Queryable, evaluationDate: string, aads: string[], today: string): Promise<string[]> {
  if (aads.length === 0) return [];
  const rows = await q.query<{ aad_object_id: string }>(
    `INSERT INTO evaluation_invitations (evaluation_date, aad_object_id, invited_on)
     SELECT $1::date, aad, $3::date FROM unnest($2::text[]) AS aad
     ON CONFLICT DO NOTHING RETURNING aad_object_id`,
    [evaluationDate, aads, today],
  );
  return rows.map((r) => r.aad_object_id);
}

/** Marks the invitees who have not answered and were invited on or before `invitedBy` as reminded; returns them. */
export async function markReminded(q: Queryable, evaluationDate: string, invitedBy: string, today: string): Promise<string[]> {
  const rows = await q.query<{ aad_object_id: string }>(
    `UPDATE evaluation_invitations SET reminded_on = $3::date
     WHERE evaluation_date = $1::date AND NOT answered AND reminded_on IS NULL AND invited_on <= $2::date
     RETURNING aad_object_id`,
    [evaluationDate, invitedBy, today],
  );
  return rows.map((r) => r.aad_object_id);
}

/** Whether the person was invited and has answered; undefined when not invited. */
export async function invitation(q: Queryable, evaluationDate: string, aad: string): Promise<{ answered: boolean } | undefined> {
  const row = (await q.query<{ answered: boolean }>(`SELECT answered FROM evaluation_invitations WHERE evaluation_date = $1::date AND aad_object_id = $2`, [evaluationDate, aad]))[0];
  return row ? { answered: row.answered } : undefined;
}

/**
 * Stores an answer and marks the invitation answered, in the caller's transaction. The conditional
 * update makes a second answer (a double click, a second device) lose; returns false then.
 */
export async function saveAnswer(q: Queryable, aad: string, answer: EvaluationAnswer): Promise<boolean> {
  const marked = await q.query(
    `UPDATE evaluation_invitations SET answered = true WHERE evaluation_date = $1::date AND aad_object_id = $2 AND NOT answered RETURNING 1`,
    [answer.evaluationDate, aad],
  );
  if (marked.length === 0) return false;
  await q.query(
    `INSERT INTO evaluation_answers (id, evaluation_date, group_key, fundament_score, fundament_remark, processes_score, processes_remark, task_id)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), answer.evaluationDate, answer.groupKey, answer.fundamentScore, answer.fundamentRemark ?? null, answer.processesScore, answer.processesRemark ?? null, answer.taskId ?? null],
  );
  return true;
}

/** The latest round with an evaluation date on or before `until`: its invitation count and answers. */
export async function latestRound(q: Queryable, until: string): Promise<{ evaluationDate: string; invited: number; answers: EvaluationAnswer[] } | undefined> {
  const round = (await q.query<{ evaluation_date: string; invited: number }>(
    `SELECT evaluation_date::text AS evaluation_date, count(*)::int AS invited FROM evaluation_invitations
     WHERE evaluation_date <= $1::date GROUP BY evaluation_date ORDER BY evaluation_date DESC LIMIT 1`,
    [until],
  ))[0];
  if (!round) return undefined;
  const rows = await q.query<{ group_key: string; fundament_score: number; fundament_remark: string | null; processes_score: number; processes_remark: string | null; task_id: string | null }>(
    // Sorted by content, never by insertion, so the order says nothing about who answered when.
    `SELECT group_key, fundament_score, fundament_remark, processes_score, processes_remark, task_id FROM evaluation_answers
     WHERE evaluation_date = $1::date ORDER BY fundament_remark NULLS LAST, processes_remark NULLS LAST, id`,
    [round.evaluation_date],
  );
  return {
    evaluationDate: round.evaluation_date,
    invited: Number(round.invited),
    answers: rows.map((r) => ({
      evaluationDate: round.evaluation_date, groupKey: r.group_key, fundamentScore: Number(r.fundament_score), processesScore: Number(r.processes_score),
      ...(r.fundament_remark ? { fundamentRemark: r.fundament_remark } : {}),
      ...(r.processes_remark ? { processesRemark: r.processes_remark } : {}),
      ...(r.task_id ? { taskId: r.task_id } : {}),
    })),
  };
}
