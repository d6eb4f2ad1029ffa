import type { CapacityPost } from '../../services/capacity/posts';
import type { PostCards } from '../registry';
import { capacitySignalCard } from './cards';
import { signalView } from './views';

export const capacityPostCards: PostCards<CapacityPost> = {
  'capacity.signal': (signal, ctx) => capacitySignalCard(signalView(signal, ctx.office)),
};
