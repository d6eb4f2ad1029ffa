import { capacityFeature } from './capacity';
import { caseloadFeature } from './caseload';
import { coreFeature } from './core';
import { mdoFeature } from './mdo';
import { monitoringFeature } from './monitoring';
import { statusFeature } from './status';
import type { Feature } from '../feature';

/** Every feature the bot serves; each owns its commands and card verbs. Menu order follows this list. */
export const features: Feature[] = [mdoFeature, caseloadFeature, statusFeature, monitoringFeature, capacityFeature, coreFeature];
