/* global window */
// Configuration page of the team tab: nothing to choose, the tab shows the office's overview.
(function () {
  'use strict';
  var teams = window.microsoftTeams;
  if (!teams) return;
  teams.app.initialize().then(function () {
    teams.app.getContext().then(function (context) {
      window.document.documentElement.dataset.theme = (context.app && context.app.theme) || 'default';
    });
    teams.pages.config.registerOnSaveHandler(function (saveEvent) {
      var origin = window.location.origin;
      teams.pages.config
        .setConfig({
          entityId: 'overzicht',
          suggestedDisplayName: 'Overzicht',
          contentUrl: origin + '/tab/index.html?context=team',
          websiteUrl: origin + '/tab/index.html',
        })
        .then(function () { saveEvent.notifySuccess(); })
        .catch(function (error) { saveEvent.notifyFailure(String(error)); });
    });
    teams.pages.config.setValidityState(true);
  });
})();
