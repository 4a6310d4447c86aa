/* Daily incident counts as SVG bars; click a day or drag across days to select a range. */
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function el(name, attrs) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  /** counts: Map "YYYY-MM-DD" -> n. onSelect(fromIso, toIso) or onSelect(null, null) to clear. */
  function draw(svg, counts, onSelect) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const days = [...counts.keys()].sort();
    if (!days.length) {
      const t = el("text", { x: 10, y: 20 }); t.textContent = "No dated incidents."; svg.appendChild(t);
      return;
    }
    const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
    const n = Math.round((last - first) / DAY) + 1;
    const width = svg.clientWidth || 800, height = svg.clientHeight || 110;
    const pad = { l: 28, r: 8, t: 6, b: 18 };
    const bw = (width - pad.l - pad.r) / n;
    const max = Math.max(...counts.values());
    const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const bars = [];
    for (let i = 0; i < n; i++) {
      const day = isoDay(first + i * DAY), v = counts.get(day) || 0;
      const bar = el("rect", { class: "bar", x: pad.l + i * bw + 0.5, y: y(v), width: Math.max(bw - 1, 1), height: height - pad.b - y(v), "data-day": day, "data-count": v });
      const title = el("title"); title.textContent = `${day}: ${v} incident${v === 1 ? "" : "s"}`;
      bar.appendChild(title); svg.appendChild(bar); bars.push(bar);
    }
    const axis = (text, x, anchor) => { const t = el("text", { x, y: height - 4, "text-anchor": anchor }); t.textContent = text; svg.appendChild(t); };
    axis(days[0], pad.l, "start"); if (n > 1) axis(days[days.length - 1], width - pad.r, "end");
    const top = el("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end" }); top.textContent = String(max); svg.appendChild(top);
    const brush = el("rect", { class: "brush", x: 0, y: pad.t, width: 0, height: height - pad.t - pad.b, visibility: "hidden" });
    svg.appendChild(brush);

    const indexAt = (evt) => {
      const box = svg.getBoundingClientRect();
      const x = (evt.clientX - box.left) * (width / box.width);
      return Math.min(n - 1, Math.max(0, Math.floor((x - pad.l) / bw)));
    };
    const mark = (a, b) => {
      bars.forEach((bar, i) => bar.classList.toggle("selected", a !== null && i >= a && i <= b));
      if (a === null) { brush.setAttribute("visibility", "hidden"); return; }
      brush.setAttribute("x", pad.l + a * bw); brush.setAttribute("width", (b - a + 1) * bw);
      brush.setAttribute("visibility", "visible");
    };
    let anchor = null;
    svg.onmousedown = (evt) => { anchor = indexAt(evt); mark(anchor, anchor); evt.preventDefault(); };
    svg.onmousemove = (evt) => {
      if (anchor === null) return;
      const i = indexAt(evt); mark(Math.min(anchor, i), Math.max(anchor, i));
    };
    window.onmouseup = (evt) => {
      if (anchor === null) return;
      const i = indexAt(evt), a = Math.min(anchor, i), b = Math.max(anchor, i);
      anchor = null; mark(a, b);
      onSelect(isoDay(first + a * DAY), isoDay(first + b * DAY));
    };
    return { clear: () => mark(null, null) };
  }

  window.SitrepTimeline = { draw };
})();
