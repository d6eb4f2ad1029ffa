import type { AbsencePost } from '../../services/absence/posts';
import type { PostCards } from '../registry';
import { returnCard, standInCard } from './cards';
import { returnView, standInView } from './views';

export const absencePostCards: PostCards<AbsencePost> = {
  'absence.standIn': (d, ctx) => standInCard(standInView(d, ctx)),
  'absence.return': (d, ctx) => returnCard(returnView(d, ctx)),
};
