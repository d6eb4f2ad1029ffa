/**
 * Operator CLI for the delivery queue:
 *   npm run deliveries -- list [failed|dead|queued|sending|sent|all]   (default: failed and dead)
 *   npm run deliveries -- retry <id>                                   (a failed or dead delivery)
 * Uses DATABASE_URL, or the embedded database in WENDBAAR_DATA_DIR. Nothing is ever deleted.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../services/db';
import { countByStatus, listDeliveries, retryDelivery, type DeliveryStatus } from '../services/deliveries/store';

const ALL: DeliveryStatus[] = ['queued', 'sending', 'sent', 'failed', 'dead'];

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  if (command !== 'list' && command !== 'retry') {
    console.error('Usage: npm run deliveries -- list [failed|dead|queued|sending|sent|all] | retry <id>');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.env.DATABASE_URL, dataDir: config.env.WENDBAAR_DATA_DIR });
  try {
    if (command === 'list') {
      const statuses = !arg ? (['failed', 'dead'] as DeliveryStatus[]) : arg === 'all' ? ALL : [arg as DeliveryStatus];
      if (!statuses.every((s) => ALL.includes(s))) {
        console.error(`Unknown status "${arg}"; use one of ${ALL.join(', ')} or all.`);
        return 2;
      }
      const counts = await countByStatus(db);
      console.log(`Deliveries: ${ALL.map((s) => `${s} ${counts[s]}`).join(', ')}`);
      const rows = await listDeliveries(db, statuses, 200);
      if (rows.length === 0) console.log(`No deliveries with status ${statuses.join(' or ')}.`);
      for (const row of rows) {
        const target = row.conversation_id ?? row.recipient_aad ?? row.target_key ?? '-';
        console.log(`#${row.id}  ${row.status}  ${row.kind}  attempts ${row.attempts}  created ${new Date(row.created_at).toISOString()}  key ${row.idempotency_key}  target ${target}`);
        if (row.last_error) console.log(`      reason: ${row.last_error}`);
      }
      return 0;
    }
    const id = Number(arg);
    if (!Number.isInteger(id) || id <= 0) {
      console.error('retry needs a delivery id, e.g. npm run deliveries -- retry 42');
      return 2;
    }
    if (await retryDelivery(db, id)) {
      console.log(`Delivery #${id} is queued again; a running bot sends it within seconds.`);
      return 0;
    }
    console.error(`Delivery #${id} does not exist or is not failed/dead; only those can be retried.`);
    return 1;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`deliveries: ${(error as Error).message}`);
    process.exit(1);
  },
);
