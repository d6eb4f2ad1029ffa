// The Overzicht tab's entry point: the page's configuration from the server (the office's time
// zone among it), then the sign-in that fits where the page runs.
import { getJson } from './api.js';
import { $, notice } from './dom.js';
import { officeFormat } from './format.js';
import { overviewLoader } from './overview.js';
import { inTeamsHost, startDevSignIn, startInTeams } from './sign-in.js';

function start() {
  const config = getJson('/api/overview/config');
  const loaderFor = (c) => overviewLoader(officeFormat(c.timeZone));
  const started = inTeamsHost()
    ? startInTeams(window.microsoftTeams, config.then(loaderFor))
    : config.then((c) => {
        if (c.devSignIn) return startDevSignIn(loaderFor(c));
        $('wie').textContent = 'Niet aangemeld';
        notice('Open dit tabblad in Microsoft Teams. Buiten Teams is er niets te zien.', false);
      });
  started.catch(() => {
    $('wie').textContent = 'Niet aangemeld';
    notice('Aanmelden via Teams is niet gelukt, dus er is niets te zien. Open het tabblad opnieuw.', true);
  });
}

// Module scripts run once the document is parsed, after the deferred teams-js script.
start();
