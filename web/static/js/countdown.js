// Live countdowns: every element with data-due (ISO-8601) shows the time left, or how late it is.
// They count from the service's clock (the page's data-now), not the browser's, which may be off.
(function () {
  var made = document.body.getAttribute('data-now');
  var skew = made ? Date.parse(made) - Date.now() : 0;
  function fmt(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var parts = [];
    if (d) parts.push(d + 'd');
    if (d || h) parts.push(h + 'h');
    parts.push((m < 10 && (d || h) ? '0' : '') + m + 'm');
    if (!d) parts.push((sec < 10 ? '0' : '') + sec + 's');
    return parts.join(' ');
  }
  function tick() {
    var now = Date.now() + skew;
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-due')) - now;
      el.textContent = left >= 0 ? 'in ' + fmt(left) : 'overdue by ' + fmt(left);
      el.classList.toggle('overdue', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 15 * 60 * 1000);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
