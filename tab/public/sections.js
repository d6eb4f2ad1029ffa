// The Overzicht's sections, each drawn from its part of /api/overview.
import { bars } from './charts.js';
import { el } from './dom.js';
import { download } from './evaluation.js';

export function renderUnavailable(body, section) {
  if (section.state === 'forbidden') body.appendChild(el('p', { className: 'unavailable', text: section.reason }));
  else body.appendChild(el('p', { className: 'unavailable', text: 'Nog niet beschikbaar.' }));
}

export function renderStatus(body, data, format) {
  if (data.activeChange) {
    const c = data.activeChange;
    body.appendChild(
      el('div', { className: 'change' }, [
        el('strong', { text: 'Actieve statusaanpassing: ' + c.title }),
        el('p', { text: 'Sinds ' + format.date(c.startDate) + (c.endDate ? ', verwacht tot ' + format.date(c.endDate) : '') + '.' }),
        c.reason ? el('p', { className: 'muted', text: c.reason }) : null,
      ]),
    );
  } else {
    body.appendChild(el('p', { text: 'Geen actieve statusaanpassing: nu worden alle taken normaal uitgevoerd.' }));
  }
  (data.upcoming || []).forEach((u) => {
    const changes = el('ul', { className: 'changes' }, u.changes.map((d) => el('li', { text: d.task + ': ' + d.before.toLowerCase() + ' → ' + d.after.toLowerCase() })));
    body.appendChild(
      el('div', { className: 'change upcoming' }, [
        el('strong', { text: 'Vanaf ' + format.date(u.startDate) + ': ' + u.title }),
        el('p', { className: 'muted', text: 'Besloten, nog niet van kracht' + (u.endDate ? '; verwacht tot ' + format.date(u.endDate) : '') + '.' }),
        changes,
      ]),
    );
  });
  const rings = el('ul', { className: 'rings' });
  data.rings.forEach((ring) => {
    const tasks = el('ul', { className: 'tasks' });
    ring.tasks.forEach((task) => {
      tasks.appendChild(el('li', {}, [el('span', { text: task.name }), el('span', { className: 'badge status-' + task.status, text: task.statusLabel })]));
    });
    rings.appendChild(el('li', {}, [el('h3', { text: ring.name }), tasks]));
  });
  body.appendChild(rings);
  // `status export` in the chat sends people here for the files.
  const csv = el('button', { type: 'button', text: 'Besluiten als CSV (Excel)' });
  const md = el('button', { type: 'button', text: 'Samenvatting RAO/BC (Markdown)' });
  csv.addEventListener('click', () => download('/api/overview/status/csv', 'statusaanpassingen.csv'));
  md.addEventListener('click', () => download('/api/overview/status/md', 'statusaanpassingen.md'));
  body.appendChild(el('div', { className: 'actions', id: 'status-export' }, [csv, md]));
}

export function renderMonitoring(body, data) {
  body.appendChild(
    el('p', {}, [
      el('span', { className: data.overdue > 0 ? 'big-number overdue' : 'big-number', text: String(data.overdue) }),
      document.createTextNode(data.overdue === 1 ? ' termijn is verlopen' : ' termijnen zijn verlopen'),
    ]),
  );
  const max = Math.max(1, data.overdue, ...data.weeks.map((w) => w.count));
  body.appendChild(el('h3', { text: 'Deadlines per week, komende 8 weken' }));
  body.appendChild(bars(data.weeks.map((w) => ({ label: w.label, value: w.count })), max, { label: 'Aantal monitoringstermijnen per week' }));
}

export function renderWorkload(body, data) {
  data.teams.forEach((team) => {
    body.appendChild(el('h3', { text: team.name + ' (norm ' + team.norm + ' open casussen)' }));
    if (team.persons) {
      if (!team.persons.length) {
        body.appendChild(el('p', { className: 'muted', text: 'Nog geen caseloadcijfers ingevuld.' }));
        return;
      }
      const max = Math.max(team.norm * 1.25, ...team.persons.map((p) => p.openCases));
      const items = team.persons.map((p) => ({ label: p.name + (p.isBuffer ? ' (buffer)' : ''), value: p.openCases, over: p.openCases > team.norm }));
      body.appendChild(bars(items, max, { norm: team.norm, label: 'Open casussen per consulent in ' + team.name }));
    } else {
      body.appendChild(
        el('p', {
          text: team.people + (team.people === 1 ? ' consulent' : ' consulenten') + ', gemiddeld ' + team.averageOpen + ' open casussen; ' + team.aboveNorm + ' boven de norm. Cijfers per persoon zie je alleen van je eigen regioteam.',
        }),
      );
    }
  });
  body.appendChild(el('p', { className: 'legend', text: 'De verticale streep is de norm; balken in de waarschuwingskleur liggen boven de norm.' }));
}

export function renderHelp(body, data, format) {
  const perTeam = data.openPerTeam.map((t) => t.name + ': ' + t.count).join(' · ');
  body.appendChild(el('p', { className: 'muted', text: 'Open per regioteam – ' + perTeam }));
  if (!data.open.length) {
    body.appendChild(el('p', { text: 'Er staan geen ondersteuningsvragen open die je kunt zien.' }));
    return;
  }
  const rows = data.open.map((r) =>
    el('tr', {}, [el('td', { text: r.kind }), el('td', { text: r.regioteam }), el('td', { text: r.urgency }), el('td', { text: r.status }), el('td', { text: format.shortMoment(r.createdAt) })]),
  );
  const head = el('tr', {}, ['Vraag', 'Regioteam', 'Urgentie', 'Status', 'Gevraagd op'].map((h) => el('th', { scope: 'col', text: h })));
  body.appendChild(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
}

export function renderMdo(body, data) {
  body.appendChild(el('p', { className: 'muted', text: data.total + (data.total === 1 ? ' besluit, ' : ' besluiten, ') + data.period.label + '.' }));
  const max = Math.max(1, ...data.byOutcome.map((o) => o.count));
  body.appendChild(bars(data.byOutcome.map((o) => ({ label: o.label, value: o.count })), max, { label: 'MDO-besluiten per uitkomst' }));
}
