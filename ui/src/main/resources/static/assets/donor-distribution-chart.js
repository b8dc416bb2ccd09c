// Where a donor's goods went: quantities per municipality, one series per unit. The table stays the complete record.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('where-chart');
  const data = document.getElementById('where-data');
  if (!canvas || !data || typeof Chart === 'undefined') return;
  const chart = JSON.parse(data.textContent);
  const colours = ['#0b4f8a', '#2e7d32', '#9db4d0', '#8a5a0b'];
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((one, index) => ({ label: one.label, data: one.data,
        backgroundColor: colours[index % colours.length] }))
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y',
      scales: { x: { beginAtZero: true } } }
  });
});
