import type { MonitoringPost } from '../../services/monitoring/posts';
import type { PostCards } from '../registry';
import { evaluationReminderCard, monitoringDigestCard, monitoringItemCard } from './cards';
import { digestView, evaluationView, itemView } from './views';

export const monitoringPostCards: PostCards<MonitoringPost> = {
  'monitoring.item': (item) => monitoringItemCard(itemView(item)),
  'monitoring.digest': (digest) => monitoringDigestCard(digestView(digest)),
  'monitoring.evaluationReminder': (d) => evaluationReminderCard(evaluationView(d)),
};
