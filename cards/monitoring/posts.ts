import type { MonitoringPost } from '../../services/monitoring/posts';
import { dutchDate } from '../../lib/dates';
import type { PostCards } from '../registry';
import { evaluationReminderCard } from './cards';

export const monitoringPostCards: PostCards<MonitoringPost> = {
  'monitoring.evaluationReminder': (d, { zone }) => evaluationReminderCard({ dateText: dutchDate(d.evaluationDate, zone), weeks: d.leadWeeks }),
};
