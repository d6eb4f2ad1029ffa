import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance, so tests can run several side by side. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    activities: new Counter({ name: 'wendbaar_activities_total', help: 'Incoming activities handled', labelNames: ['type', 'outcome'], registers: [registry] }),
    latency: new Histogram({ name: 'wendbaar_activity_seconds', help: 'Time to handle an incoming activity', labelNames: ['type'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
    errors: new Counter({ name: 'wendbaar_errors_total', help: 'Errors by code', labelNames: ['code'], registers: [registry] }),
    deliveries: new Counter({ name: 'wendbaar_deliveries_total', help: 'Outgoing deliveries by outcome', labelNames: ['outcome'], registers: [registry] }),
    queueAge: new Gauge({ name: 'wendbaar_delivery_queue_age_seconds', help: 'Age of the oldest queued delivery', registers: [registry] }),
    queueDepth: new Gauge({ name: 'wendbaar_delivery_queue_depth', help: 'Deliveries waiting to be sent', registers: [registry] }),
    turnsWaiting: new Gauge({ name: 'wendbaar_turns_waiting', help: 'Incoming activities waiting for a free turn slot', registers: [registry] }),
    deliveryStates: new Gauge({ name: 'wendbaar_deliveries_by_status', help: 'Deliveries in the database by status (queued, sending, sent, failed, dead)', labelNames: ['status'], registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
