import template from './templates/menu.json';
import { renderTemplate } from './render';

export interface MenuItem {
  command: string;
  title: string;
  description: string;
  button: string;
}

export interface MenuCardData {
  intro: string;
  items: MenuItem[];
  example: string;
}

export const menuCard = (data: MenuCardData) => renderTemplate(template, data);
