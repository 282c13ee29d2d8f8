// As the SRE types, ask the server which maintenance rule the window would break; the server decides on submit.
(function () {
  var form = document.getElementById('maintenance-form');
  if (!form) return;
  var out = document.getElementById('rule-check');
  var timer;
  function check() {
    var data = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-check'), { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (problems) {
        out.textContent = problems.map(function (p) { return p.message; }).join(' ');
        form.classList.toggle('has-problems', problems.length > 0);
      })
      .catch(function () { out.textContent = ''; });
  }
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(check, 300); });
  form.addEventListener('change', function () { clearTimeout(timer); timer = setTimeout(check, 100); });
})();
