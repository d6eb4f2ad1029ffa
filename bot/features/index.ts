import { absenceFeature } from './absence';
import { capacityFeature } from './capacity';
import { caseloadFeature } from './caseload';
import { coreFeature } from './core';
import { mdoFeature } from './mdo';
import { monitoringFeature } from './monitoring';
import { statusFeature } from './status';
import { tasksFeature } from './tasks';
import type { Feature } from '../feature';

/** Every feature the bot serves; each owns its commands and card verbs. Menu order follows this list. */
export const features: Feature[] = [tasksFeature, mdoFeature, caseloadFeature, statusFeature, monitoringFeature, absenceFeature, capacityFeature, coreFeature];
