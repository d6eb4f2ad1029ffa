import type { MonitoringPost } from '../../services/monitoring/posts';
import type { PostCards } from '../registry';
import { evaluationReminderCard, monitoringDigestCard, monitoringItemCard } from './cards';
import { digestView, evaluationView, itemView } from './views';

export const monitoringPostCards: PostCards<MonitoringPost> = {
  'monitoring.item': (item, ctx) => monitoringItemCard(itemView(item, ctx)),
  'monitoring.digest': (digest, ctx) => monitoringDigestCard(digestView(digest, ctx)),
  'monitoring.evaluationReminder': (d, ctx) => evaluationReminderCard(evaluationView(d, ctx)),
};
