// Component groups on the status page: each collapses to one row with its worst status, and opens
// on a click. A group with a problem starts open; without JavaScript every component shows.
(function () {
  document.querySelectorAll('button.group-toggle').forEach(function (button) {
    var id = button.getAttribute('aria-controls');
    var rows = document.querySelectorAll('tr[data-in-group="' + id + '"]');
    var state = button.parentElement.querySelector('.state');
    var open = state && !state.classList.contains('operational');
    function show(expanded) {
      button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
      rows.forEach(function (row) { row.hidden = !expanded; });
    }
    show(open);
    button.addEventListener('click', function () {
      show(button.getAttribute('aria-expanded') !== 'true');
    });
  });
})();
