// "Try it": the real widget, running the preview session the dashboard made for a draft. The session token comes in
// the URL's fragment, which browsers send to no server and in no Referer; the widget is handed it
// (VerloopConfig.sessionToken) and keeps it in memory only, so localStorage["verloop.session"], the visitor session
// this browser holds for the site, is neither read nor replaced. Plain script: the page's policy allows no inline one.
(function () {
  'use strict';
  var parts = location.pathname.split('/').filter(Boolean);
  document.getElementById('recipe-id').textContent = decodeURIComponent(parts[parts.length - 1] || '');
  var match = /(?:^|&)session=([^&]+)/.exec(location.hash.slice(1));
  if (!match) {
    document.getElementById('preview-status').textContent = 'This link holds no preview session: press "Try it" in the recipe editor.';
    return;
  }
  window.VerloopConfig = { sessionToken: decodeURIComponent(match[1]) };
  // "Try it ... in": the language the editor chose, as a snippet would set it; else the browser's.
  var lang = /(?:^|&)lang=([^&]+)/.exec(location.hash.slice(1));
  if (lang) window.VerloopConfig.language = decodeURIComponent(lang[1]);
  window.Verloop = window.Verloop || function (fn) { (window.Verloop.q = window.Verloop.q || []).push(fn); };
  window.Verloop(function () { this.openWidget(); });
  var script = document.createElement('script');
  script.src = '/api/widget.js';
  script.async = true;
  document.body.appendChild(script);
})();
