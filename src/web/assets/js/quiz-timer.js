// Progressive enhancement for a timed quiz: counts down the time left that the page
// already prints. Without JavaScript the printed deadline is enough (the server decides).
(function () {
  var el = document.querySelector('[data-deadline]');
  if (!el) return;
  var deadline = Date.parse(el.getAttribute('data-deadline'));
  var out = el.querySelector('[data-countdown]');
  if (!out || isNaN(deadline)) return;
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    out.textContent = m + ':' + (s < 10 ? '0' : '') + s;
    if (left > 0) setTimeout(tick, 1000);
  }
  out.hidden = false;
  tick();
})();
