// Draws the charts a page describes in its canvases' data-chart attributes (Chart.js configurations as JSON).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    new Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
  });
});
