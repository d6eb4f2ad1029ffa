import template from './templates/welcome.json';
import { renderTemplate } from './render';

export interface WelcomeCardData {
  teamName: string;
  exampleTeam: string;
}

export const welcomeCard = (data: WelcomeCardData) => renderTemplate(template, data);
