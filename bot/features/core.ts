import { linkCommand, unlinkCommand } from '../commands/link-channel';
import type { Feature } from '../routes';

export const coreFeature: Feature = {
  name: 'core',
  commands: [linkCommand, unlinkCommand],
  actions: {},
};
