// Who is looking. Inside Teams: teams-js, the Teams SSO token as Bearer, the Teams theme. Outside
// Teams, only in local mode on loopback: a clearly labelled development sign-in.
import { getJson, useAuthorization } from './api.js';
import { $, el, notice, setTheme } from './dom.js';

export function inTeamsHost() {
  return window.microsoftTeams && (window.self !== window.top || window.nativeInterface);
}

export function startInTeams(teams, whenReady) {
  return Promise.all([teams.app.initialize(), whenReady]).then(([, load]) => {
    teams.app.getContext().then((context) => setTheme(context.app && context.app.theme));
    teams.app.registerOnThemeChangeHandler(setTheme);
    useAuthorization(() => teams.authentication.getAuthToken().then((token) => 'Bearer ' + token));
    return load().then(() => teams.app.notifySuccess());
  });
}

function roleOf(user) {
  if (user.isMt) return 'MT';
  if (user.teamleiderOf.length) return 'teamleider ' + user.teamleiderOf.join(', ');
  if (user.isBeleid) return 'beleidsmedewerker';
  return 'medewerker' + (user.regioteam ? ', ' + user.regioteam : '');
}

export function startDevSignIn(load) {
  $('dev-panel').hidden = false;
  const userSelect = $('dev-gebruiker');
  const themeSelect = $('dev-thema');
  themeSelect.value = sessionStorage.getItem('wendbaar.theme') || 'default';
  setTheme(themeSelect.value);
  themeSelect.addEventListener('change', () => {
    sessionStorage.setItem('wendbaar.theme', themeSelect.value);
    setTheme(themeSelect.value);
  });
  return getJson('/api/overview/dev-users').then((body) => {
    if (!body.users.length) {
      notice('Er zijn nog geen gebruikers bekend. Stuur eerst een bericht aan de bot in de lokale chat.', false);
      return;
    }
    body.users.forEach((user) => {
      userSelect.appendChild(el('option', { value: user.aadObjectId, text: user.name + ' (' + roleOf(user) + ')' }));
    });
    const remembered = sessionStorage.getItem('wendbaar.devUser');
    if (remembered && body.users.some((u) => u.aadObjectId === remembered)) userSelect.value = remembered;
    useAuthorization(() => 'Dev ' + userSelect.value);
    userSelect.addEventListener('change', () => {
      sessionStorage.setItem('wendbaar.devUser', userSelect.value);
      load();
    });
    return load();
  });
}
