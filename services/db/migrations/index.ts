import { core } from './001_core';
import { statusSchema } from './002_status';
import { mdoSchema } from './003_mdo';
import { caseloadSchema } from './004_caseload';
import { monitoringSchema } from './005_monitoring';
import { capacitySchema } from './006_capacity';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes. Each feature owns its own file. */
export const migrations: Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'status', sql: statusSchema },
  { version: 3, name: 'mdo', sql: mdoSchema },
  { version: 4, name: 'caseload', sql: caseloadSchema },
  { version: 5, name: 'monitoring', sql: monitoringSchema },
  { version: 6, name: 'capacity', sql: capacitySchema },
];
