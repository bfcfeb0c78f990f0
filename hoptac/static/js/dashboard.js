/* The dashboard's map and charts (Apache ECharts, vendored). Data comes from the page
   (json_script "dashboard-data"); the same figures are in the tables beside them. */
(function () {
  "use strict";
  var dataEl = document.getElementById("dashboard-data");
  if (!dataEl || typeof echarts === "undefined") { return; }
  var data = JSON.parse(dataEl.textContent);
  var L = data.labels;
  var lang = document.documentElement.lang === "en" ? "EN" : "VI";
  var fmt = new Intl.NumberFormat(lang === "EN" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  var charts = [];

  // A series with no figure draws bare axes (and ECharts throws on an empty category axis):
  // say so in words instead.
  function hasData(values) {
    return (values || []).some(function (v) { return v != null && v !== 0; });
  }

  function empty(id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    el.classList.add("chart-empty");
    el.removeAttribute("role");
    el.textContent = el.dataset.empty || "";
  }

  function init(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var chart = echarts.init(el, null, { locale: lang, renderer: "canvas" });
    charts.push(chart);
    return chart;
  }

  // ---- the map ---------------------------------------------------------------------------
  var mapEl = document.getElementById("partner-map");
  var mapChart = init("partner-map");
  var measure = "capital";
  var byCode = {};
  data.partners.forEach(function (p) { byCode[p.name] = p; });

  function mapOption() {
    var values = data.partners.map(function (p) { return p[measure]; });
    var max = Math.max.apply(null, values.concat([1]));
    var series = data.partners.map(function (p) {
      return { name: p.name, value: p[measure] };
    });
    series.push({ name: data.chosen, value: null, itemStyle: { areaColor: "#b3261e" },
                  emphasis: { itemStyle: { areaColor: "#8c1d18" } } });
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: "item",
        formatter: function (info) {
          var p = byCode[info.name];
          if (info.name === data.chosen) { return L.chosen + ": " + data.chosen_label; }
          if (!p) { return ""; }
          return "<strong>" + p.label + "</strong><br>" +
            L.capital + ": " + fmt.format(p.capital) + "<br>" +
            L.projects + ": " + fmt.format(p.projects) + "<br>" +
            L.grants + ": " + fmt.format(p.grants) + "<br>" +
            L.meetings + ": " + fmt.format(p.meetings);
        }
      },
      visualMap: {
        min: 0, max: max, left: 8, bottom: 8, calculable: false, text: [fmt.format(max), "0"],
        inRange: { color: ["#dbe9f6", "#7fb0da", "#1d5b99", "#0b2f57"] },
        outOfRange: { color: "#b3261e" }, textStyle: { color: "#1b1f24" },
        seriesIndex: 0
      },
      series: [{
        type: "map", map: data.map, roam: true, nameProperty: "ma", aspectScale: 1,
        layoutCenter: ["50%", "50%"], layoutSize: "98%",
        itemStyle: { areaColor: "#f1f3f5", borderColor: "#8a94a0", borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: "#f2b84b" } },
        select: { disabled: true },
        data: series
      }]
    };
  }

  if (mapChart && mapEl) {
    var url = data.map === "vn34" ? mapEl.dataset.geo34 : mapEl.dataset.geo63;
    fetch(url).then(function (r) { return r.json(); }).then(function (geo) {
      // The archipelagos of the 63-unit file carry no code of their own: they belong to the
      // unit named in thuoc_cu (Hoàng Sa to Đà Nẵng, Trường Sa to Khánh Hòa).
      geo.features.forEach(function (f) {
        if (!f.properties.ma && f.properties.thuoc_cu) { f.properties.ma = f.properties.thuoc_cu; }
      });
      echarts.registerMap(data.map, geo);
      mapChart.setOption(mapOption());
      mapChart.on("click", function (info) {
        var p = byCode[info.name];
        if (p) { window.location.href = p.url; }
      });
    });
  }

  document.querySelectorAll("[data-measure]").forEach(function (button) {
    button.addEventListener("click", function () {
      measure = button.dataset.measure;
      document.querySelectorAll("[data-measure]").forEach(function (b) {
        b.setAttribute("aria-pressed", b === button ? "true" : "false");
      });
      if (mapChart) { mapChart.setOption(mapOption(), { replaceMerge: ["series"] }); }
    });
  });

  // ---- money over the years --------------------------------------------------------------
  var y = data.years;
  function barOption(series, yName) {
    return {
      aria: { enabled: true },
      color: ["#1d5b99", "#c77c02", "#2e7d32"],
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : fmt.format(v); } },
      legend: { top: 0, textStyle: { color: "#1b1f24" } },
      grid: { left: 56, right: 16, top: 48, bottom: 28 },
      xAxis: { type: "category", data: y.years, axisLabel: { color: "#1b1f24" } },
      yAxis: { type: "value", name: yName, nameTextStyle: { color: "#1b1f24", align: "left" },
               axisLabel: { color: "#1b1f24", formatter: function (v) { return fmt.format(v); } } },
      series: series
    };
  }
  var inv = (y.years || []).length && (hasData(y.new_capital) || hasData(y.reported))
    ? init("chart-investment") : empty("chart-investment");
  if (inv) {
    inv.setOption(barOption([
      { type: "bar", name: L.new_capital, data: y.new_capital },
      { type: "line", name: L.reported, data: y.reported, connectNulls: true, symbolSize: 8 }
    ], L.billion));
  }
  var gr = (y.grant_years || []).length && (hasData(y.given) || hasData(y.received))
    ? init("chart-grants") : empty("chart-grants");
  if (gr) {
    var grOption = barOption([
      { type: "bar", name: L.given, data: y.given, itemStyle: { color: "#2e7d32" } },
      { type: "bar", name: L.received, data: y.received, itemStyle: { color: "#c77c02" } }
    ], L.billion);
    grOption.xAxis.data = y.grant_years;
    gr.setOption(grOption);
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
})();
