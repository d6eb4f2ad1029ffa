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

