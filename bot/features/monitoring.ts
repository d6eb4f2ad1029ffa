import type { Feature } from '../routes';
import { notBuiltYet } from './not-built';

export const monitoringFeature: Feature = {
  name: 'monitoring',
  commands: [
    notBuiltYet({ names: ['monitoring'], title: 'Monitoring', description: 'Start en bekijk monitoringstermijnen.', button: 'Openen' }),
  ],
  actions: {},
};
