import { z } from 'zod';

// Placeholder until the monitoring feature lands; the office schema already composes it.
export const monitoringRulesSchema = z.array(z.unknown());
export type MonitoringRules = z.infer<typeof monitoringRulesSchema>;
export const defaultMonitoringRules: MonitoringRules = [];
