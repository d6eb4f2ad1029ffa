// Loads /api/overview and draws every section, or says why there is nothing to see.
import { api } from './api.js';
import { renderCapacity } from './capacity.js';
import { $, notice } from './dom.js';
import { renderEvaluation } from './evaluation.js';
import { renderHelp, renderMdo, renderMonitoring, renderStatus, renderUnavailable, renderWorkload } from './sections.js';

const RENDERERS = {
  status: ['sectie-status', renderStatus],
  monitoring: ['sectie-monitoring', renderMonitoring],
  workload: ['sectie-werkdruk', renderWorkload],
  helpRequests: ['sectie-hulp', renderHelp],
  mdo: ['sectie-mdo', renderMdo],
  capacity: ['sectie-capaciteit', renderCapacity],
  evaluation: ['sectie-evaluatie', renderEvaluation],
};

function render(view, format) {
  $('wie').textContent = view.actor.name + ' · ' + view.actor.roleLabel + (view.actor.regioteam ? ' · ' + view.actor.regioteam : '');
  $('bijgewerkt').textContent = 'Bijgewerkt ' + format.moment(view.generatedAt);
  Object.keys(RENDERERS).forEach((key) => {
    const [id, draw] = RENDERERS[key];
    const section = $(id);
    const body = section.querySelector('.body');
    body.textContent = '';
    section.dataset.state = view[key].state;
    // A section that is not for this role is left out rather than shown empty.
    section.hidden = view[key].state === 'forbidden';
    if (view[key].state === 'ok') draw(body, view[key].data, format);
    else renderUnavailable(body, view[key]);
  });
  $('melding').hidden = true;
  $('secties').hidden = false;
}

/**
 * A load() that shows the overview with the given formats. Only the newest request may render:
 * after a quick switch of user an older answer must not overwrite the newer view. data-geladen
 * tells scripts (and tests) which request is on screen.
 */
export function overviewLoader(format) {
  let loads = 0;
  return function load() {
    const mine = ++loads;
    document.body.dataset.geladen = 'nee';
    return api('/api/overview')
      .then((response) => {
        if (response.status === 401) throw new Error('unauthorized');
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then((view) => {
        if (mine !== loads) return;
        render(view, format);
        document.body.dataset.geladen = 'ja';
      })
      .catch((error) => {
        if (mine !== loads) return;
        document.body.dataset.geladen = 'ja';
        $('secties').hidden = true;
        notice(error.message === 'unauthorized' ? 'Je bent niet aangemeld, dus er is niets te zien. Open het tabblad opnieuw in Teams.' : 'Het overzicht kan nu niet worden geladen. Probeer het zo opnieuw.', true);
      });
  };
}
