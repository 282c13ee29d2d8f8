// An SLO page's charts; the page carries their data as JSON (no inline script: the CSP allows none).
(function () {
  const data = JSON.parse(document.getElementById('slo-detail-data').textContent);
  new Chart(document.getElementById('sli-chart'), { type: 'bar', data: { labels: data.labels, datasets: [
    { label: 'SLI (%)', data: data.sli, backgroundColor: data.sli.map(v => v === null ? '#999' : v >= data.target ? '#3aa655' : '#b3261e') },
    { type: 'line', label: 'Target (%)', data: data.labels.map(() => data.target), borderColor: '#1e7b34', borderDash: [6, 4], pointRadius: 0 }] },
    options: { animation: false, scales: { y: { min: Math.max(0, Math.floor(Math.min(data.target, ...data.sli.filter(v => v !== null)) - 1)), max: 100 } } } });
  new Chart(document.getElementById('consumed-chart'), { type: 'line', data: { labels: data.labels, datasets: [
    { label: 'Error budget consumed (%)', data: data.consumed, borderColor: '#b3261e', spanGaps: false },
    { label: 'Whole budget', data: data.labels.map(() => 100), borderColor: '#1e7b34', borderDash: [6, 4], pointRadius: 0 },
    { type: 'bar', label: 'Minutes without data', data: data.gaps, backgroundColor: '#999', yAxisID: 'gaps' }] },
    options: { animation: false, scales: { y: { position: 'left', beginAtZero: true, title: { display: true, text: '% of the budget' } },
      gaps: { position: 'right', beginAtZero: true, suggestedMax: 10, grid: { drawOnChartArea: false }, title: { display: true, text: 'minutes without data' } } } } });
})();
