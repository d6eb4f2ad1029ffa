/**
 * What a queued post's card needs: its kind and its data. Services queue posts inside their own
 * transactions but never build cards (services sit below cards); the delivery sender, in bot/,
 * renders the card from the spec when it sends (cards/registry.ts). Data is stored as JSON, so it
 * holds plain values only: dates as ISO strings, no class instances.
 *
 * Each feature declares its kinds in services/<feature>/posts.ts, e.g.
 * `CardSpec<'monitoring.evaluationReminder', { date: string; weeks: number }>`.
 */
export interface CardSpec<K extends string = string, D = unknown> {
  kind: K;
  data: D;
}

/** The spec of a card kind, typed by its kind name. */
export const cardSpec = <S extends CardSpec>(kind: S['kind'], data: S['data']): S => ({ kind, data }) as S;
