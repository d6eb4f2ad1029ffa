import type { Feature } from '../routes';
import { notBuiltYet } from './not-built';

export const caseloadFeature: Feature = {
  name: 'caseload',
  commands: [
    notBuiltYet({ names: ['ondersteuning', 'hulp vragen', 'support'], title: 'Ondersteuning vragen', description: 'Vraag je regioteam om hulp bij je caseload.', button: 'Hulp vragen' }),
    notBuiltYet({ names: ['werkdruk', 'workload'], title: 'Werkdruk', description: 'Houd je eigen caseloadcijfers bij.', button: 'Bijwerken' }),
  ],
  actions: {},
};
