// The half-yearly evaluation: a table per part and its CSV and Markdown export.
import { download as downloadFile } from './api.js';
import { el, notice } from './dom.js';

export const download = (path, fallbackName) => downloadFile(path, fallbackName).catch(() => notice('Het exporteren is niet gelukt. Probeer het opnieuw.', true));

export function renderEvaluation(body, data, format) {
  body.appendChild(el('p', { className: 'muted', text: 'Periode: ' + format.date(data.period.from) + ' tot ' + format.date(data.period.to) + ' (' + data.period.label + ').' }));
  const parts = [...new Set(data.rows.map((row) => row.part))];
  const head = el('tr', {}, [el('th', { scope: 'col', text: 'Kenmerk' }), el('th', { scope: 'col', className: 'num', text: 'Waarde' })]);
  const groups = parts.map((part) => {
    const rows = data.rows.filter((r) => r.part === part).map((r) => el('tr', {}, [el('td', { text: r.measure }), el('td', { className: 'num', text: r.value })]));
    return el('tbody', {}, [el('tr', {}, [el('th', { scope: 'rowgroup', colspan: '2', text: part })]), ...rows]);
  });
  body.appendChild(el('table', {}, [el('caption', { className: 'muted', text: 'Cijfers voor de bespreking in het RAO Onderwijs' }), el('thead', {}, [head]), ...groups]));
  if (data.missing.length) body.appendChild(el('p', { className: 'unavailable', text: 'Nog niet beschikbaar: ' + data.missing.join(', ') + '.' }));
  const csv = el('button', { type: 'button', className: 'primary', text: 'Exporteren als CSV' });
  const md = el('button', { type: 'button', text: 'Exporteren als Markdown' });
  csv.addEventListener('click', () => download('/api/overview/evaluation/csv', 'evaluatie.csv'));
  md.addEventListener('click', () => download('/api/overview/evaluation/md', 'evaluatie.md'));
  body.appendChild(el('div', { className: 'actions' }, [csv, md]));
}
