// The donor statement's chart: the table's figures as grouped bars. The table stays the complete, accessible record.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('statement-chart');
  const data = document.getElementById('statement-data');
  if (!canvas || !data || typeof Chart === 'undefined') return;
  const chart = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: [
        { label: chart.series[0], data: chart.pledged, backgroundColor: '#9db4d0' },
        { label: chart.series[1], data: chart.delivered, backgroundColor: '#0b4f8a' },
        { label: chart.series[2], data: chart.distributed, backgroundColor: '#2e7d32' }
      ]
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true } } }
  });
});
