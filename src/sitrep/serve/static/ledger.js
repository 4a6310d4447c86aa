/* One chart per figure series: a line per claimant, contested claims drawn as red diamonds. */
"use strict";
(function () {
  const PALETTE = ["#1f3a5f", "#d84315", "#2e7d32", "#8e24aa", "#f2b134", "#00838f", "#6d4c41"];
  const DAY = 86400000;
  const toDays = (iso) => Date.parse(iso) / DAY;
  const fromDays = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  const value = (p) => p.value.value ?? p.value.low;

  function chart(canvas, series) {
    const datasets = series.lines.map((line, k) => {
      const points = line.points.filter((p) => p.as_of && !p.as_of.startsWith("--") && value(p) !== null);
      const color = PALETTE[k % PALETTE.length];
      return {
        label: line.claimant,
        data: points.map((p) => ({ x: toDays(p.as_of), y: value(p), contested: p.contested, q: p.value.qualifier })),
        borderColor: color, backgroundColor: color,
        pointStyle: points.map((p) => (p.contested ? "rectRot" : "circle")),
        pointRadius: points.map((p) => (p.contested ? 8 : 4)),
        pointBorderColor: points.map((p) => (p.contested ? "#b3261e" : color)),
        pointBorderWidth: points.map((p) => (p.contested ? 2.5 : 1)),
        tension: 0,
      };
    });
    return new Chart(canvas, {
      type: "line",
      data: { datasets },
      options: {
        animation: false, maintainAspectRatio: false, parsing: false,
        scales: {
          x: { type: "linear", ticks: { callback: (v) => fromDays(v), maxTicksLimit: 6 } },
          y: { beginAtZero: true, ticks: { callback: (v) => Number(v).toLocaleString("en") } },
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: {
            title: (items) => fromDays(items[0].raw.x),
            label: (item) => `${item.dataset.label}: ${item.raw.q.replace("_", " ")} ${item.raw.y.toLocaleString("en")}${item.raw.contested ? " (contested)" : ""}`,
          } },
        },
      },
    });
  }

  async function main() {
    const res = await fetch("/api/figures");
    if (!res.ok) return;
    const all = await res.json();
    for (const canvas of document.querySelectorAll("canvas.series-chart")) {
      const series = all[Number(canvas.dataset.index)];
      if (series) chart(canvas, series);
    }
    document.body.dataset.chartsReady = "true";
  }
  main();
})();
