import { renderTemplate, type AdaptiveCard } from '../render';
import tasksTemplate from './templates/tasks.json';
import type { TasksCardData } from './views';

/** The personal `taken` card: everything that waits for the person, each row with its own buttons. */
export const tasksCard = (data: TasksCardData): AdaptiveCard => renderTemplate(tasksTemplate, data);
