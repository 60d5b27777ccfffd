// The answer package's build page (requests/package-build.html): while the build works, fetch
// the page every two seconds and put its progress in place, without reloading (a timed reload
// moves a screen reader's focus; without JavaScript the page's <noscript> refresh does it).
// Once the build is ready or has failed, load the page once so that its files and its send
// button appear.
(function () {
  'use strict';
  const status = document.getElementById('build-status');
  if (!status || status.dataset.working !== 'true') {
    return;
  }
  function poll() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((response) => response.text())
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('build-status');
        if (!fresh) {
          window.setTimeout(poll, 5000);
          return;
        }
        if (fresh.dataset.working !== 'true') {
          window.location.reload();
          return;
        }
        status.replaceChildren(...Array.from(fresh.childNodes).map((node) => document.importNode(node, true)));
        window.setTimeout(poll, 2000);
      })
      .catch(() => window.setTimeout(poll, 5000));
  }
  window.setTimeout(poll, 2000);
})();
