/* global window, document, fetch, URL, sessionStorage */
// The Overzicht tab. Inside Teams: teams-js, the Teams SSO token as Bearer, the Teams theme.
// Outside Teams, only in local mode on loopback: a clearly labelled development sign-in.
(function () {
  'use strict';

  var THEMES = ['default', 'dark', 'contrast'];
  var state = { authorization: null };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'className') node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function setTheme(theme) {
    document.documentElement.dataset.theme = THEMES.indexOf(theme) >= 0 ? theme : 'default';
  }

  function notice(text, isError) {
    var box = $('melding');
    box.textContent = text;
    box.className = isError ? 'notice error' : 'notice';
    box.hidden = false;
  }

  var dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  var timeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  var shortFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  function dutchDate(iso) {
    var date = new Date(iso.length === 10 ? iso + 'T12:00:00Z' : iso);
    return dateFormat.format(date);
  }

  // ------------------------------------------------------------------ charts (CSS bars)

  /** items: [{label, value, over?}]; max: scale; norm: optional marker on the same scale. */
  function bars(items, max, options) {
    options = options || {};
    var list = el('ul', { className: 'bars', 'aria-label': options.label || '' });
    items.forEach(function (item) {
      var track = el('span', { className: 'bar-track', 'aria-hidden': 'true' });
      var fill = el('span', { className: item.over ? 'bar-fill over' : 'bar-fill' });
      fill.style.width = (max > 0 ? Math.min(100, (item.value / max) * 100) : 0) + '%';
      track.appendChild(fill);
      if (options.norm) {
        var norm = el('span', { className: 'bar-norm' });
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

  // ------------------------------------------------------------------ sections

  function unavailable(body, section) {
    if (section.state === 'forbidden') body.appendChild(el('p', { className: 'unavailable', text: section.reason }));
    else body.appendChild(el('p', { className: 'unavailable', text: 'Nog niet beschikbaar.' }));
  }

  function renderStatus(body, data) {
    if (data.activeChange) {
      var c = data.activeChange;
      body.appendChild(
        el('div', { className: 'change' }, [
          el('strong', { text: 'Actieve statusaanpassing: ' + c.title }),
          el('p', { text: 'Sinds ' + dutchDate(c.startDate) + (c.endDate ? ', verwacht tot ' + dutchDate(c.endDate) : '') + '.' }),
          c.reason ? el('p', { className: 'muted', text: c.reason }) : null,
        ]),
      );
    } else {
      body.appendChild(el('p', { text: 'Geen actieve statusaanpassing: alle taken worden normaal uitgevoerd.' }));
    }
    var rings = el('ul', { className: 'rings' });
    data.rings.forEach(function (ring) {
      var tasks = el('ul', { className: 'tasks' });
      ring.tasks.forEach(function (task) {
        tasks.appendChild(el('li', {}, [el('span', { text: task.name }), el('span', { className: 'badge status-' + task.status, text: task.statusLabel })]));
      });
      rings.appendChild(el('li', {}, [el('h3', { text: ring.name }), tasks]));
    });
    body.appendChild(rings);
  }

  function renderMonitoring(body, data) {
    body.appendChild(
      el('p', {}, [
        el('span', { className: data.overdue > 0 ? 'big-number overdue' : 'big-number', text: String(data.overdue) }),
        document.createTextNode(data.overdue === 1 ? ' termijn is verlopen' : ' termijnen zijn verlopen'),
      ]),
    );
    var max = Math.max(1, data.overdue, Math.max.apply(null, data.weeks.map(function (w) { return w.count; }).concat([0])));
    var items = data.weeks.map(function (w) { return { label: w.label, value: w.count }; });
    body.appendChild(el('h3', { text: 'Deadlines per week, komende 8 weken' }));
    body.appendChild(bars(items, max, { label: 'Aantal monitoringstermijnen per week' }));
  }

  function renderWorkload(body, data) {
    data.teams.forEach(function (team) {
      body.appendChild(el('h3', { text: team.name + ' (norm ' + team.norm + ' open casussen)' }));
      if (team.persons) {
        if (!team.persons.length) {
          body.appendChild(el('p', { className: 'muted', text: 'Nog geen caseloadcijfers ingevuld.' }));
          return;
        }
        var max = Math.max(team.norm * 1.25, Math.max.apply(null, team.persons.map(function (p) { return p.openCases; })));
        var items = team.persons.map(function (p) {
          return { label: p.name + (p.isBuffer ? ' (buffer)' : ''), value: p.openCases, over: p.openCases > team.norm };
        });
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

  function renderHelp(body, data) {
    var perTeam = data.openPerTeam.map(function (t) { return t.name + ': ' + t.count; }).join(' · ');
    body.appendChild(el('p', { className: 'muted', text: 'Open per regioteam – ' + perTeam }));
    if (!data.open.length) {
      body.appendChild(el('p', { text: 'Er staan geen ondersteuningsvragen open die je kunt zien.' }));
      return;
    }
    var rows = data.open.map(function (r) {
      return el('tr', {}, [
        el('td', { text: r.kind }),
        el('td', { text: r.regioteam }),
        el('td', { text: r.urgency }),
        el('td', { text: r.status }),
        el('td', { text: shortFormat.format(new Date(r.createdAt)) }),
      ]);
    });
    var head = el('tr', {}, ['Vraag', 'Regioteam', 'Urgentie', 'Status', 'Gevraagd op'].map(function (h) { return el('th', { scope: 'col', text: h }); }));
    body.appendChild(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
  }

  function renderMdo(body, data) {
    body.appendChild(el('p', { className: 'muted', text: data.total + (data.total === 1 ? ' besluit, ' : ' besluiten, ') + data.period.label + '.' }));
    var max = Math.max(1, Math.max.apply(null, data.byOutcome.map(function (o) { return o.count; }).concat([0])));
    body.appendChild(bars(data.byOutcome.map(function (o) { return { label: o.label, value: o.count }; }), max, { label: 'MDO-besluiten per uitkomst' }));
  }

  function download(format) {
    return api('/api/overview/evaluation/' + format).then(function (response) {
      if (!response.ok) throw new Error('export ' + response.status);
      var name = (/filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '') || [])[1] || 'evaluatie.' + format;
      return response.blob().then(function (blob) {
        var link = el('a', { href: URL.createObjectURL(blob), download: name });
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    }).catch(function () { notice('Het exporteren is niet gelukt. Probeer het opnieuw.', true); });
  }

  function renderEvaluation(body, data) {
    body.appendChild(el('p', { className: 'muted', text: 'Periode: ' + dutchDate(data.period.from) + ' tot ' + dutchDate(data.period.to) + ' (' + data.period.label + ').' }));
    var parts = [];
    data.rows.forEach(function (row) { if (parts.indexOf(row.part) < 0) parts.push(row.part); });
    var head = el('tr', {}, [el('th', { scope: 'col', text: 'Kenmerk' }), el('th', { scope: 'col', className: 'num', text: 'Waarde' })]);
    var groups = parts.map(function (part) {
      var rows = data.rows.filter(function (r) { return r.part === part; }).map(function (r) {
        return el('tr', {}, [el('td', { text: r.measure }), el('td', { className: 'num', text: r.value })]);
      });
      return el('tbody', {}, [el('tr', {}, [el('th', { scope: 'rowgroup', colspan: '2', text: part })])].concat(rows));
    });
    body.appendChild(el('table', {}, [el('caption', { className: 'muted', text: 'Cijfers voor de bespreking in het RAO Onderwijs' }), el('thead', {}, [head])].concat(groups)));
    if (data.missing.length) body.appendChild(el('p', { className: 'unavailable', text: 'Nog niet beschikbaar: ' + data.missing.join(', ') + '.' }));
    var csv = el('button', { type: 'button', className: 'primary', text: 'Exporteren als CSV' });
    var md = el('button', { type: 'button', text: 'Exporteren als Markdown' });
    csv.addEventListener('click', function () { download('csv'); });
    md.addEventListener('click', function () { download('md'); });
    body.appendChild(el('div', { className: 'actions' }, [csv, md]));
  }

  var RENDERERS = {
    status: ['sectie-status', renderStatus],
    monitoring: ['sectie-monitoring', renderMonitoring],
    workload: ['sectie-werkdruk', renderWorkload],
    helpRequests: ['sectie-hulp', renderHelp],
    mdo: ['sectie-mdo', renderMdo],
    evaluation: ['sectie-evaluatie', renderEvaluation],
  };

  function render(view) {
    $('wie').textContent = view.actor.name + ' · ' + view.actor.roleLabel + (view.actor.regioteam ? ' · ' + view.actor.regioteam : '');
    $('bijgewerkt').textContent = 'Bijgewerkt ' + timeFormat.format(new Date(view.generatedAt));
    Object.keys(RENDERERS).forEach(function (key) {
      var section = $(RENDERERS[key][0]);
      var body = section.querySelector('.body');
      body.textContent = '';
      section.dataset.state = view[key].state;
      if (view[key].state === 'ok') RENDERERS[key][1](body, view[key].data);
      else unavailable(body, view[key]);
    });
    $('melding').hidden = true;
    $('secties').hidden = false;
  }

  // ------------------------------------------------------------------ data and sign-in

  function api(path) {
    return Promise.resolve(state.authorization()).then(function (authorization) {
      return fetch(path, { headers: { authorization: authorization }, credentials: 'same-origin' });
    });
  }

  // Only the newest request may render: after a quick switch of user an older answer must not
  // overwrite the newer view. data-geladen tells scripts (and tests) which request is on screen.
  var loads = 0;
  function load() {
    var mine = ++loads;
    document.body.dataset.geladen = 'nee';
    return api('/api/overview')
      .then(function (response) {
        if (response.status === 401) throw new Error('unauthorized');
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (view) {
        if (mine !== loads) return;
        render(view);
        document.body.dataset.geladen = 'ja';
      })
      .catch(function (error) {
        if (mine !== loads) return;
        document.body.dataset.geladen = 'ja';
        $('secties').hidden = true;
        notice(error.message === 'unauthorized' ? 'Je bent niet aangemeld, dus er is niets te zien. Open het tabblad opnieuw in Teams.' : 'Het overzicht kan nu niet worden geladen. Probeer het zo opnieuw.', true);
      });
  }

  function roleOf(user) {
    if (user.isMt) return 'MT';
    if (user.teamleiderOf.length) return 'teamleider ' + user.teamleiderOf.join(', ');
    if (user.isBeleid) return 'beleidsmedewerker';
    return 'medewerker' + (user.regioteam ? ', ' + user.regioteam : '');
  }

  function startDevSignIn() {
    $('dev-panel').hidden = false;
    var userSelect = $('dev-gebruiker');
    var themeSelect = $('dev-thema');
    themeSelect.value = sessionStorage.getItem('wendbaar.theme') || 'default';
    setTheme(themeSelect.value);
    themeSelect.addEventListener('change', function () {
      sessionStorage.setItem('wendbaar.theme', themeSelect.value);
      setTheme(themeSelect.value);
    });
    return fetch('/api/overview/dev-users')
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (!body.users.length) {
          notice('Er zijn nog geen gebruikers bekend. Stuur eerst een bericht aan de bot in de lokale chat.', false);
          return;
        }
        body.users.forEach(function (user) {
          userSelect.appendChild(el('option', { value: user.aadObjectId, text: user.name + ' (' + roleOf(user) + ')' }));
        });
        var remembered = sessionStorage.getItem('wendbaar.devUser');
        if (remembered && body.users.some(function (u) { return u.aadObjectId === remembered; })) userSelect.value = remembered;
        state.authorization = function () { return 'Dev ' + userSelect.value; };
        userSelect.addEventListener('change', function () {
          sessionStorage.setItem('wendbaar.devUser', userSelect.value);
          load();
        });
        return load();
      });
  }

  function startInTeams(teams) {
    return teams.app.initialize().then(function () {
      teams.app.getContext().then(function (context) { setTheme(context.app && context.app.theme); });
      teams.app.registerOnThemeChangeHandler(setTheme);
      state.authorization = function () {
        return teams.authentication.getAuthToken().then(function (token) { return 'Bearer ' + token; });
      };
      return load().then(function () { teams.app.notifySuccess(); });
    });
  }

  function inTeamsHost() {
    return window.microsoftTeams && (window.self !== window.top || window.nativeInterface);
  }

  function start() {
    var started = inTeamsHost()
      ? startInTeams(window.microsoftTeams)
      : fetch('/api/overview/config')
          .then(function (response) { return response.json(); })
          .then(function (config) {
            if (config.devSignIn) return startDevSignIn();
            $('wie').textContent = 'Niet aangemeld';
            notice('Open dit tabblad in Microsoft Teams. Buiten Teams is er niets te zien.', false);
          });
    started.catch(function () {
      $('wie').textContent = 'Niet aangemeld';
      notice('Aanmelden via Teams is niet gelukt, dus er is niets te zien. Open het tabblad opnieuw.', true);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
