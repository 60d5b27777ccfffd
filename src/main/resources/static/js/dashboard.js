// The dashboard's and the yearly report's chart, drawn with Chart.js (served from WebJars) from the
// data table beneath it, so that the chart and the table screen readers read always agree; and the
// report's print button. No inline script: the Content Security Policy forbids it.
(function () {
  'use strict';
  var colours = ['#1f5fa8', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00695c'];

  function numbers(cells) {
    return Array.prototype.map.call(cells, function (cell) {
      return Number(cell.textContent.replace(/[^0-9-]/g, '')) || 0;
    });
  }

  function drawFromTable(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-table'));
    if (!table || typeof Chart === 'undefined') {
      return;
    }
    var headers = table.querySelectorAll('thead th');
    var rows = table.querySelectorAll('tbody tr');
    var labels = Array.prototype.map.call(rows, function (row) {
      return row.querySelector('th').textContent.trim();
    });
    var datasets = [];
    // Columns 1..n-2 are the types; the first is the month and the last the total.
    for (var c = 1; c < headers.length - 1; c++) {
      var column = Array.prototype.map.call(rows, function (row) {
        return row.querySelectorAll('td')[c - 1];
      });
      datasets.push({
        label: headers[c].textContent.trim(),
        data: numbers(column),
        backgroundColor: colours[(c - 1) % colours.length]
      });
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  document.querySelectorAll('canvas[data-chart-table]').forEach(drawFromTable);
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
