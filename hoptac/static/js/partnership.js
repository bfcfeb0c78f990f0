/* The partnership page's chart of reported investment over time (ECharts). */
(function () {
  "use strict";
  var el = document.getElementById("chart-snapshots");
  var dataEl = document.getElementById("snapshot-data");
  if (!el || !dataEl || typeof echarts === "undefined") { return; }
  var d = JSON.parse(dataEl.textContent);
  var lang = document.documentElement.lang === "en" ? "EN" : "VI";
  var fmt = new Intl.NumberFormat(lang === "EN" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  var chart = echarts.init(el, null, { locale: lang });
  chart.setOption({
    aria: { enabled: true },
    color: ["#1d5b99", "#c77c02"],
    tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : fmt.format(v); } },
    legend: { top: 0, textStyle: { color: "#1b1f24" } },
    grid: { left: 56, right: 48, top: 40, bottom: 28 },
    xAxis: { type: "category", data: d.dates, axisLabel: { color: "#1b1f24" } },
    yAxis: [
      { type: "value", axisLabel: { color: "#1b1f24", formatter: function (v) { return fmt.format(v); } } },
      { type: "value", axisLabel: { color: "#1b1f24" }, splitLine: { show: false } }
    ],
    series: [
      { type: "bar", name: d.labels.capital, data: d.capital, barMaxWidth: 40 },
      { type: "line", name: d.labels.projects, data: d.projects, yAxisIndex: 1, symbolSize: 8 }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
