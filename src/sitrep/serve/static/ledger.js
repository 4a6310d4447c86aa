/* One chart per figure series: a line per claimant, contested claims drawn as red diamonds.
   Only dated values are drawn; the time axis spans the dated values (at least a month), never 1970. */
"use strict";
(function () {
  const PALETTE = ["#1f3a5f", "#d84315", "#2e7d32", "#8e24aa", "#f2b134", "#00838f", "#6d4c41"];
  const DAY = 86400000;
  const toDays = (iso) => Date.parse(iso) / DAY;
  const fromDays = (d) => new Date(d * DAY).toISOString().slice(0, 10);
  const value = (p) => p.value.value ?? p.value.low;
  const dated = (p) => p.as_of && !p.as_of.startsWith("--") && value(p) !== null;
  const MIN_SPAN = 30; // days: one point, or points days apart, still read as dates

  function note(canvas, text) {
    const p = document.createElement("p"); p.className = "muted chart-note"; p.textContent = text;
    canvas.parentElement.replaceWith(p);
  }

  function chart(canvas, series) {
    const days = series.lines.flatMap((l) => l.points.filter(dated).map((p) => toDays(p.as_of)));
    if (!days.length) { note(canvas, "No dated values to draw: see the table."); return null; }
    const lo = Math.min(...days), hi = Math.max(...days), pad = Math.max(0, (MIN_SPAN - (hi - lo)) / 2);
    const datasets = series.lines.map((line, k) => {
      const points = line.points.filter(dated);
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
          x: { type: "linear", min: lo - pad - 1, max: hi + pad + 1, ticks: { callback: (v) => fromDays(v), maxTicksLimit: 6 } },
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
      const series = all.find((s) => s.metric === canvas.dataset.metric && s.scope === canvas.dataset.scope && (s.side || "") === canvas.dataset.side);
      if (series) chart(canvas, series);
    }
    document.body.dataset.chartsReady = "true";
  }
  main();
})();
