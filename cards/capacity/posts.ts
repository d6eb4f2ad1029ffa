import type { CapacityPost } from '../../services/capacity/posts';
import type { PostCards } from '../registry';
import { capacitySignalCard, evaluationCard } from './cards';
import { evaluationCardView } from './evaluation-views';
import { signalView } from './views';

export const capacityPostCards: PostCards<CapacityPost> = {
  'capacity.signal': (signal, ctx) => capacitySignalCard(signalView(signal, ctx.office)),
  'capacity.evaluation': (data, ctx) => evaluationCard(evaluationCardView(data, ctx.office)),
};
