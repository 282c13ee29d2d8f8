// The SLO dashboard's charts; the page carries their data as JSON (no inline script: the CSP allows none).
(function () {
  const data = JSON.parse(document.getElementById('slo-chart-data').textContent);
  new Chart(document.getElementById('budget-chart'), { type: 'line', data: { labels: data.days, datasets: [
    { label: 'Downtime (min, cumulative)', data: data.used, borderColor: '#b3261e' },
    { label: 'Error budget (min)', data: data.days.map(() => data.budget), borderColor: '#1e7b34', borderDash: [6, 4] }] } });
  new Chart(document.getElementById('daily-chart'), { type: 'bar', data: { labels: data.days, datasets: [
    { label: 'Availability (%)', data: data.daily, backgroundColor: '#3aa655' }] },
    options: { scales: { y: { suggestedMin: 99, suggestedMax: 100 } } } });
  const slos = document.getElementById('slo-budget-chart');
  if (slos) {
    new Chart(slos, { type: 'bar', data: { labels: data.sloNames, datasets: [
      { label: 'Error budget consumed over the SLO\'s window (%)', data: data.sloRemaining.map(r => r === null ? null : 100 - r),
        backgroundColor: data.sloRemaining.map(r => r === null ? '#999' : r <= 0 ? '#b3261e' : r < 25 ? '#d9822b' : '#3aa655') },
      { type: 'line', label: 'Whole budget', data: data.sloNames.map(() => 100), borderColor: '#1e7b34', borderDash: [6, 4], pointRadius: 0 }] },
      options: { animation: false, indexAxis: 'x', scales: { y: { beginAtZero: true } } } });
  }
})();
