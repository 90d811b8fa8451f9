// The dashboards' charts (ADR 0044): each .chart draws the table it names (data-for) with ECharts, the names from
// the first cell of each row and the values from the cell marked data-value. The table stays on the page: it is
// what screen readers and browsers without JavaScript read; the chart is decoration beside it.
(function () {
  'use strict';
  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-for'));
    if (!table || typeof echarts === 'undefined') return;
    var names = [], values = [];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var cell = tr.querySelector('[data-value]');
      if (!cell) return;
      names.push(tr.firstElementChild.textContent.trim());
      values.push(Number(cell.getAttribute('data-value')));
    });
    if (names.length === 0) { el.hidden = true; return; }
    var kind = el.getAttribute('data-chart');
    var colour = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
    var option = kind === 'pie'
      ? { color: colour, tooltip: {}, series: [{ type: 'pie', radius: '65%',
          data: names.map(function (n, i) { return { name: n, value: values[i] }; }) }] }
      : { color: colour, tooltip: {}, grid: { left: 16, right: 24, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: names, axisLabel: { hideOverlap: true, width: 90, overflow: 'truncate' } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: kind === 'line' ? 'line' : 'bar', data: values, barMaxWidth: 48 }] };
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart[data-for]').forEach(draw);
  });
  // The wall screen's figures, fetched again every minute (htmx), bring their tables: draw their charts.
  document.addEventListener('htmx:afterSettle', function (e) {
    e.target.querySelectorAll('.chart[data-for]').forEach(draw);
  });
})();
