import { linkCommand, unlinkCommand } from '../commands/link-channel';
import { purgeBookkeeping } from '../../services/housekeeping/store';
import type { Feature } from '../feature';

export const coreFeature: Feature = {
  name: 'core',
  commands: [linkCommand, unlinkCommand],
  actions: {},
  jobs: [
    {
      name: 'core.housekeeping',
      cron: () => '15 3 * * *',
      async run({ db, fireTime, log }) {
        const purged = await purgeBookkeeping(db, fireTime);
        log.info(purged, 'housekeeping: purged handled activity ids and finished cron runs, emptied old delivered cards');
      },
    },
  ],
};
