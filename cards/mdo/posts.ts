import type { MdoPost } from '../../services/mdo/posts';
import type { PostCards } from '../registry';
import { mdoReminderCard } from './cards';
import { reminderCardData } from './views';

export const mdoPostCards: PostCards<MdoPost> = {
  'mdo.reminder': (reminder, { office, zone, onBehalfOf }) => mdoReminderCard(reminderCardData(reminder, office, zone, onBehalfOf)),
};
