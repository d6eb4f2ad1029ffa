import type { Feature } from '../routes';
import { notBuiltYet } from './not-built';

export const mdoFeature: Feature = {
  name: 'mdo',
  commands: [
    notBuiltYet({ names: ['mdo'], title: 'MDO-deelname', description: 'Besluit of je aan een MDO deelneemt.', button: 'Starten' }),
  ],
  actions: {},
};
