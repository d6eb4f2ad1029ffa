// Bar charts drawn with CSS: no chart library, readable by screen readers as a list.
import { el } from './dom.js';

/** items: [{label, value, over?}]; max: scale; options.norm: optional marker on the same scale. */
export function bars(items, max, options) {
  options = options || {};
  const list = el('ul', { className: 'bars', 'aria-label': options.label || '' });
  items.forEach((item) => {
    const track = el('span', { className: 'bar-track', 'aria-hidden': 'true' });
    const fill = el('span', { className: item.over ? 'bar-fill over' : 'bar-fill' });
    fill.style.width = (max > 0 ? Math.min(100, (item.value / max) * 100) : 0) + '%';
    track.appendChild(fill);
    if (options.norm) {
      const norm = el('span', { className: 'bar-norm' });
      norm.style.left = Math.min(100, (options.norm / max) * 100) + '%';
      track.appendChild(norm);
    }
    list.appendChild(
      el('li', {}, [
        el('span', { className: 'bar-label', text: item.label, title: item.label }),
        track,
        el('span', { className: 'bar-value' }, [
          document.createTextNode(String(item.value)),
          item.over ? el('span', { className: 'sr-only', text: ' (boven de norm)' }) : null,
        ]),
      ]),
    );
  });
  return list;
}


/**
 * A small weekly trend: one column per week, oldest left, with the signal threshold as a line.
 * points: [{label, value|null, beyond}]; options: {label, unit, threshold}.
 */
export function trend(points, options) {
  const unit = options.unit ? ' ' + options.unit : '';
  const values = points.map((p) => p.value).filter((v) => v !== null);
  const max = Math.max(1, options.threshold ? options.threshold * 1.2 : 0, ...values);
  const columns = el('ol', { className: 'trend-columns', 'aria-label': options.label + ' per week' });
  points.forEach((point) => {
    const text = point.label + ': ' + (point.value === null ? 'geen cijfers' : point.value + unit) + (point.beyond ? ' (voorbij de drempel)' : '');
    const column = el('span', { className: point.beyond ? 'trend-col beyond' : 'trend-col', 'aria-hidden': 'true' });
    column.style.height = (point.value === null ? 0 : Math.max(2, (point.value / max) * 100)) + '%';
    columns.appendChild(el('li', { title: text }, [column, el('span', { className: 'sr-only', text })]));
  });
  if (options.threshold) {
    const line = el('span', { className: 'trend-threshold', 'aria-hidden': 'true' });
    line.style.bottom = (options.threshold / max) * 100 + '%';
    columns.appendChild(line);
  }
  const last = points.length ? points[points.length - 1] : null;
  return el('figure', { className: 'trend' }, [
    el('figcaption', {}, [
      el('span', { className: 'trend-title', text: options.label }),
      el('span', { className: 'trend-last', text: last && last.value !== null ? last.value + unit : '—' }),
    ]),
    columns,
    el('div', { className: 'trend-axis muted' }, [
      el('span', { text: points.length ? points[0].label : '' }),
      el('span', { text: options.threshold ? 'drempel ' + options.threshold + unit : '' }),
      el('span', { text: last ? last.label : '' }),
    ]),
  ]);
}
