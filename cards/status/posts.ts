import type { StatusPost } from '../../services/status/posts';
import type { PostCards } from '../registry';
import { announcementCard, consultationCard, decisionCard, expiryCard } from './cards';
import { announcementView, consultationView, decisionView, expiryView } from './views';

export const statusPostCards: PostCards<StatusPost> = {
  // The channel's shared views; Teams fetches each listed user's own view through `refresh`.
  'status.consultation': (d) => consultationCard(consultationView(d), d.viewers),
  'status.decision': (d) => decisionCard(decisionView(d)),
  'status.announcement': (d) => announcementCard(announcementView(d, d.reminder ? 'reminder' : undefined), d.viewers),
  'status.expiry': (d) => expiryCard(expiryView(d)),
};
