import type { StatusPost } from '../../services/status/posts';
import type { PostCards } from '../registry';
import { announcementCard, consultationCard, decisionCard, expiryCard } from './cards';
import { announcementView, consultationView, decisionView, expiryView } from './views';

export const statusPostCards: PostCards<StatusPost> = {
  'status.consultation': (d) => consultationCard(consultationView(d)),
  'status.decision': (d) => decisionCard(decisionView(d)),
  'status.announcement': (d) => announcementCard(announcementView(d, d.reminder ? 'reminder' : 'none')),
  'status.expiry': (d) => expiryCard(expiryView(d)),
};
