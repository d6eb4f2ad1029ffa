import { core } from './001_core';
import { statusSchema } from './002_status';
import { mdoSchema } from './003_mdo';
import { caseloadSchema } from './004_caseload';
import { monitoringSchema } from './005_monitoring';
import { absenceSchema } from './006_absence';
import { statusAudienceSchema } from './007_status_audience';
import { teamGroupSchema } from './008_team_group';
import { mdoCancelSchema } from './009_mdo_cancel';
import { capacitySchema } from './010_capacity';

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
  { version: 6, name: 'absence', sql: absenceSchema },
  { version: 7, name: 'status_audience', sql: statusAudienceSchema },
  { version: 8, name: 'team_group', sql: teamGroupSchema },
  { version: 9, name: 'mdo_cancel', sql: mdoCancelSchema },
  { version: 10, name: 'capacity', sql: capacitySchema },
];
