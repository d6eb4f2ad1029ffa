import type { Feature } from '../routes';
import { notBuiltYet } from './not-built';

export const statusFeature: Feature = {
  name: 'status',
  commands: [
    notBuiltYet({ names: ['status'], title: 'Status kern en ringen', description: 'Bekijk welke taken nu worden uitgevoerd.', button: 'Bekijken' }),
    notBuiltYet({ names: ['statusaanpassing', 'status change'], title: 'Statusaanpassing', description: 'Bereid een statusaanpassing voor (MT).', button: 'Voorbereiden', visibleTo: (a) => a.isMt }),
  ],
  actions: {},
};
