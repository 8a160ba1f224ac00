// Progressive enhancement for a page that follows a job (a roster import, a certificate
// batch). While the job runs, the page asks the server again every few seconds and shows
// the new status in its live region; once the job is over, it loads the page with the
// outcome. Without JavaScript the page's "Check again" link does the same. (No timed
// <meta http-equiv="refresh">: WCAG 2.2.1 asks that a page not reload on a timer by itself.)
(function () {
  var region = document.querySelector('[data-follow]');
  if (!region || !window.fetch || !window.DOMParser) return;
  var seconds = Number(region.getAttribute('data-follow')) || 3;
  function check() {
    fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-follow]');
        if (!next) return location.reload();
        region.innerHTML = next.innerHTML;
        setTimeout(check, seconds * 1000);
      })
      .catch(function () { setTimeout(check, seconds * 4000); });
  }
  setTimeout(check, seconds * 1000);
})();
