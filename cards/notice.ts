import template from './templates/notice.json';
import { renderTemplate } from './render';

export interface NoticeCardData {
  title: string;
  message: string;
  /** Container style: emphasis for information, attention for errors, good for success. */
  style: 'emphasis' | 'attention' | 'good' | 'warning';
  /** Correlation id for errors, so support can find the log line; empty for none. */
  reference: string;
}

export const noticeCard = (data: NoticeCardData) => renderTemplate(template, data);

export const errorCard = (message: string, reference = '') =>
  noticeCard({ title: 'Dat lukte niet', message, style: 'attention', reference });

export const infoCard = (title: string, message: string) =>
  noticeCard({ title, message, style: 'emphasis', reference: '' });

export const successCard = (title: string, message: string) =>
  noticeCard({ title, message, style: 'good', reference: '' });
