import { core } from './001_core';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes. Each feature owns its own file. */
export const migrations: Migration[] = [{ version: 1, name: 'core', sql: core }];
