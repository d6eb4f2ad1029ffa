// Capaciteit per week: the weekly snapshots of each regioteam as small trend charts.
import { trend } from './charts.js';
import { el } from './dom.js';

export function renderCapacity(body, data) {
  if (!data.teams.length) {
    body.appendChild(el('p', { className: 'muted', text: 'Nog geen weekcijfers: elke maandag na de weekstart komt er een week bij.' }));
    return;
  }
  body.appendChild(
    el('p', {
      className: 'muted',
      text: 'Per week, na de weekstart, de laatste 26 weken. De stippellijn is de drempel van het capaciteitssignaal; kolommen in de waarschuwingskleur liggen aan de verkeerde kant ervan. Na ' + data.consecutiveWeeks + ' weken op rij krijgt het MT een signaal.',
    }),
  );
  data.teams.forEach((team) => {
    body.appendChild(el('h3', { text: team.name }));
    body.appendChild(el('div', { className: 'trend-grid' }, team.measures.map((m) => trend(m.points, { label: m.label, unit: m.unit, threshold: m.threshold }))));
  });
}
