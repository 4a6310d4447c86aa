/* The incident map: oblast boundaries and world context from this server, markers from /api/incidents. */
"use strict";
(function () {
  const COLORS = {
    battles: "#8e24aa", explosions_remote_violence: "#d84315", violence_against_civilians: "#c2185b",
    protests: "#1e88e5", riots: "#6d4c41", strategic_developments: "#546e7a",
  };
  const ATTRIBUTION = 'Boundaries © <a href="/static/NOTICE.md">OpenStreetMap contributors, ODbL 1.0</a>, geoBoundaries · Natural Earth';
  const node = document.getElementById("map");
  const map = L.map(node, { zoomSnap: 0.5, minZoom: 4, maxZoom: 13 }).setView([48.6, 31.3], 6);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(ATTRIBUTION);
  if (node.dataset.tileUrl) L.tileLayer(node.dataset.tileUrl, { maxZoom: 18 }).addTo(map);

  const markers = L.layerGroup().addTo(map);
  let incidents = [];
  let range = null;

  function count(n) {
    if (!n) return "unknown";
    const words = { at_least: "at least ", more_than: "more than ", nearly: "nearly ", about: "about ", up_to: "up to " };
    return n.value === null ? n.qualifier.replace("_", " ") : (words[n.qualifier] || "") + n.value.toLocaleString("en");
  }
  function toll(i) { return (i.killed?.low ?? i.killed?.value ?? 0) + (i.injured?.low ?? i.injured?.value ?? 0) / 2; }
  function radius(i) { return Math.min(28, 5 + 3 * Math.sqrt(toll(i))); }
  function human(s) { return (s || "").replace(/_/g, " "); }

  function popup(i) {
    const box = document.createElement("div"); box.className = "popup";
    const h = document.createElement("h3"); h.textContent = `${human(i.sub_event_type)} in ${i.place.name}`;
    const p = document.createElement("p"); p.textContent = `${i.date || "date unknown"} · ${i.place.admin1 || ""}`;
    const q = document.createElement("p"); q.textContent = `killed ${count(i.killed)} · injured ${count(i.injured)} · ${i.reports} report${i.reports === 1 ? "" : "s"}`;
    const a = document.createElement("a"); a.href = `/incidents/${encodeURIComponent(i.id)}`; a.className = "open-incident"; a.textContent = "Open incident →";
    box.append(h, p, q, a);
    return box;
  }

  function draw() {
    markers.clearLayers();
    let shown = 0;
    for (const i of incidents) {
      if (!i.place || i.place.lat === null || i.place.lon === null) continue;
      if (range && (!i.date || i.date < range[0] || i.date > range[1])) continue;
      const color = COLORS[i.event_type] || "#333";
      const m = L.circleMarker([i.place.lat, i.place.lon], {
        radius: radius(i), color, weight: 1.5, fillColor: color, fillOpacity: 0.55, className: "incident-marker",
      }).bindPopup(popup(i)).addTo(markers);
      m.getElement()?.setAttribute("data-incident-id", i.id);
      shown++;
    }
    document.getElementById("shown-count").textContent = String(shown);
  }

  function timeline() {
    const counts = new Map();
    for (const i of incidents) if (i.date && !i.date.startsWith("--")) counts.set(i.date, (counts.get(i.date) || 0) + 1);
    const reset = document.getElementById("timeline-reset");
    const label = document.getElementById("timeline-selection");
    const tl = window.SitrepTimeline.draw(document.getElementById("timeline"), counts, (a, b) => {
      range = [a, b]; reset.hidden = false; label.textContent = a === b ? a : `${a} – ${b}`; draw();
    });
    reset.onclick = () => { range = null; reset.hidden = true; label.textContent = "click a day or drag across days to filter the map"; tl?.clear(); draw(); };
  }

  function fillOblasts() {
    const select = document.getElementById("oblast-select");
    if (select.options.length > 1) return;
    const names = [...new Set(incidents.map((i) => i.place?.admin1).filter(Boolean))].sort();
    for (const name of names) { const o = document.createElement("option"); o.value = name; o.textContent = name; select.appendChild(o); }
  }

  function query() {
    const params = new URLSearchParams({ limit: "10000" });
    for (const [k, v] of new FormData(document.getElementById("filters"))) if (String(v).trim()) params.set(k, String(v).trim());
    return params;
  }

  async function load() {
    const params = query();
    const res = await fetch(`/api/incidents?${params}`);
    if (!res.ok) { document.getElementById("shown-count").textContent = "error"; return; }
    incidents = (await res.json()).items;
    range = null; fillOblasts(); timeline(); draw();
    params.delete("limit");
    for (const a of document.querySelectorAll(".export-link")) { params.set("format", a.dataset.format); a.href = `/api/export?${params}`; }
    node.dataset.loaded = "true";
  }

  async function layer(url, style, onEach) {
    const res = await fetch(url);
    if (res.ok) L.geoJSON(await res.json(), { style, onEachFeature: onEach, interactive: Boolean(onEach) }).addTo(map).bringToBack();
  }

  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(load, 0));
  Promise.all([
    layer("/static/oblasts.geojson", { color: "#7b8794", weight: 0.8, fillColor: "#fdfcf7", fillOpacity: 1 },
      (f, l) => l.bindTooltip(f.properties.shapeName, { sticky: true })),
  ]).then(() => layer("/static/world.geojson", (f) => ({ color: "#a9b3bf", weight: 0.6, fillColor: f.properties.a3 === "UKR" ? "#fdfcf7" : "#e8e6df", fillOpacity: 1 })))
    .then(load);
})();
