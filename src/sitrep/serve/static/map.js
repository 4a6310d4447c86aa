/* The incident map: oblast boundaries, world context and town labels from this server, every
   matching incident from /api/map/points (short rows, one response), clustered with Leaflet.markercluster.
   The page's state (filters, timeline selection, map view) lives in the URL: a reload or a shared
   link restores it. */
"use strict";
(function () {
  // Okabe-Ito colours: distinct for colour-blind readers too (no two near-identical reds).
  const COLORS = {
    battles: "#0072b2", explosions_remote_violence: "#d55e00", violence_against_civilians: "#cc79a7",
    protests: "#009e73", riots: "#e69f00", strategic_developments: "#56b4e9",
  };
  const FIELDS = ["date_from", "date_to", "event_type", "oblast", "min_killed", "q"];
  const SIZE_STEPS = [1, 10, 50]; // the numbered size legend: killed + injured
  // Town labels: [zoom, smallest population labelled at that zoom and above].
  const LABEL_ZOOMS = [[10, 10000], [9, 30000], [8, 100000], [7, 250000], [5, 900000]];
  const ATTRIBUTION = 'Boundaries © <a href="/static/NOTICE.md">OpenStreetMap contributors, ODbL 1.0</a>, geoBoundaries · Natural Earth';

  const node = document.getElementById("map");
  const form = document.getElementById("filters");
  const state = new URLSearchParams(location.search);
  const map = L.map(node, { zoomSnap: 0.5, minZoom: 4, maxZoom: 14 });
  const view = (state.get("view") || "").split(",").map(Number);
  const viewGiven = view.length === 3 && view.every(Number.isFinite);
  if (viewGiven) map.setView([view[0], view[1]], view[2]); else map.setView([48.6, 31.3], 6);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(ATTRIBUTION);
  if (node.dataset.tileUrl) L.tileLayer(node.dataset.tileUrl, { maxZoom: 18 }).addTo(map);

  const clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, spiderfyOnMaxZoom: true, maxClusterRadius: 45,
    iconCreateFunction: (cluster) => {
      const n = cluster.getChildCount();
      const size = n < 10 ? "s" : n < 100 ? "m" : "l";
      return L.divIcon({ html: `<span>${n.toLocaleString("en")}</span>`, className: `incident-cluster cluster-${size}`, iconSize: L.point(34, 34) });
    },
  }).addTo(map);
  let incidents = [];
  let range = null; // [fromIso, toIso] chosen on the timeline
  let applied = new URLSearchParams(); // the filters the loaded incidents match

  function count(n) {
    if (!n) return "unknown";
    const words = { at_least: "at least ", more_than: "more than ", nearly: "nearly ", about: "about ", up_to: "up to " };
    return n.value === null ? n.qualifier.replace("_", " ") : (words[n.qualifier] || "") + n.value.toLocaleString("en");
  }
  const low = (n) => n?.low ?? n?.value ?? 0;
  function toll(i) { return low(i.killed) + low(i.injured); }
  function radius(t) { return Math.min(28, 5 + 3 * Math.sqrt(t)); }
  function human(s) { const t = (s || "").replace(/_/g, " "); return t.charAt(0).toUpperCase() + t.slice(1); }
  function located(i) { return i.place && i.place.lat !== null && i.place.lon !== null; }
  function inRange(i) { return !range || (i.date && !i.date.startsWith("--") && i.date >= range[0] && i.date <= range[1]); }

  function popup(i) {
    const box = document.createElement("div"); box.className = "popup";
    const h = document.createElement("h3"); h.textContent = `${human(i.sub_event_type)} in ${i.place.name}`;
    const p = document.createElement("p"); p.textContent = `${i.date || "date unknown"} · ${i.place.admin1 || ""}`;
    const q = document.createElement("p"); q.textContent = `killed ${count(i.killed)} · injured ${count(i.injured)} · ${i.reports} report${i.reports === 1 ? "" : "s"}`;
    const a = document.createElement("a"); a.href = `/incidents/${encodeURIComponent(i.id)}`; a.className = "open-incident"; a.textContent = "Open incident →";
    box.append(h, p, q, a);
    return box;
  }

  function marker(i) {
    const color = COLORS[i.event_type] || "#333";
    const m = L.circleMarker([i.place.lat, i.place.lon], {
      radius: radius(toll(i)), color, weight: 1.5, fillColor: color, fillOpacity: 0.6, className: `incident-marker type-${i.event_type}`,
    }).bindPopup(() => popup(i));
    m.on("add", () => m.getElement()?.setAttribute("data-incident-id", i.id));
    return m;
  }

  function legend(shown) {
    const types = new Map();
    for (const i of shown) types.set(i.event_type, (types.get(i.event_type) || 0) + 1);
    const list = document.getElementById("legend-types");
    list.replaceChildren();
    for (const [type, n] of [...types].sort((a, b) => b[1] - a[1])) {
      const li = document.createElement("li"); li.dataset.type = type;
      const sw = document.createElement("span"); sw.className = `swatch type-${type}`;
      li.append(sw, `${human(type)} (${n.toLocaleString("en")})`);
      list.appendChild(li);
    }
    if (!types.size) { const li = document.createElement("li"); li.textContent = "No incidents shown."; list.appendChild(li); }
  }

  function sizeLegend() {
    const svg = document.getElementById("legend-size");
    const NS = "http://www.w3.org/2000/svg";
    svg.replaceChildren();
    let x = 4;
    const r = SIZE_STEPS.map(radius), h = 2 * Math.max(...r) + 4;
    for (const [k, t] of SIZE_STEPS.entries()) {
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", x + r[k]); c.setAttribute("cy", h / 2); c.setAttribute("r", r[k]); c.setAttribute("class", "size-dot");
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", x + 2 * r[k] + 3); label.setAttribute("y", h / 2 + 4); label.textContent = String(t);
      svg.append(c, label);
      x += 2 * r[k] + 12 + 7 * String(t).length;
    }
    svg.setAttribute("viewBox", `0 0 ${x} ${h}`); svg.setAttribute("width", x); svg.setAttribute("height", h);
  }

  function draw() {
    clusters.clearLayers();
    const shown = incidents.filter((i) => located(i) && inRange(i));
    clusters.addLayers(shown.map(marker));
    const unplaced = incidents.filter((i) => !located(i) && inRange(i)).length;
    document.getElementById("shown-count").textContent = shown.length.toLocaleString("en");
    document.getElementById("unplaced").textContent = unplaced ? ` (${unplaced.toLocaleString("en")} more with no known place)` : "";
    legend(shown);
    downloads();
    return shown;
  }

  /** The filters in force: the applied ones, the timeline range in place of their dates. */
  function effective() {
    const params = new URLSearchParams(applied);
    if (range) { params.set("date_from", range[0]); params.set("date_to", range[1]); }
    return params;
  }

  function downloads() {
    const params = effective();
    for (const a of document.querySelectorAll(".export-link")) { params.set("format", a.dataset.format); a.href = `/api/export?${params}`; }
    const note = document.getElementById("download-note");
    if (note) note.textContent = range ? `(${range[0]} – ${range[1]}, as on the map)` : "";
  }

  function saveState() {
    const params = new URLSearchParams(applied);
    if (range) params.set("days", range.join(","));
    const c = map.getCenter();
    params.set("view", `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
    history.replaceState(null, "", `${location.pathname}?${params}`);
  }

  function setDates(from, to) {
    form.elements.date_from.value = from || "";
    form.elements.date_to.value = to || "";
  }

  function timeline() {
    const counts = new Map();
    for (const i of incidents) if (i.date && !i.date.startsWith("--")) counts.set(i.date, (counts.get(i.date) || 0) + 1);
    const reset = document.getElementById("timeline-reset");
    const label = document.getElementById("timeline-selection");
    const hint = "click a day or drag across days to filter the map";
    const select = (a, b) => {
      range = [a, b]; reset.hidden = false; label.textContent = a === b ? a : `${a} – ${b}`;
      setDates(a, b); draw(); saveState();
    };
    const tl = window.SitrepTimeline.draw(document.getElementById("timeline"), counts, select);
    reset.onclick = () => {
      range = null; reset.hidden = true; label.textContent = hint; tl?.clear();
      setDates(applied.get("date_from"), applied.get("date_to")); draw(); saveState();
    };
    return { tl, select };
  }

  function addOption(select, name) {
    const o = document.createElement("option"); o.value = name; o.textContent = name; select.appendChild(o);
  }

  function fillOblasts() {
    const select = document.getElementById("oblast-select");
    const have = new Set([...select.options].map((o) => o.value));
    const names = [...new Set(incidents.map((i) => i.place?.admin1).filter(Boolean))].sort();
    for (const name of names) if (!have.has(name)) addOption(select, name);
  }

  function formParams() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    return params;
  }

  function fromRow(columns, row) {
    const r = Object.fromEntries(columns.map((c, k) => [c, row[k]]));
    const number = (p) => (r[`${p}_qualifier`] ? { value: r[`${p}_value`], qualifier: r[`${p}_qualifier`], low: r[`${p}_low`] } : null);
    const place = r.place_name === null && r.place_lat === null ? null : { name: r.place_name, admin1: r.place_admin1, lat: r.place_lat, lon: r.place_lon };
    return { id: r.id, date: r.date, place, event_type: r.event_type, sub_event_type: r.sub_event_type, killed: number("killed"), injured: number("injured"), reports: r.reports };
  }

  /** Every matching incident in one response of short rows (/api/map/points), however many. */
  async function fetchAll(params) {
    document.getElementById("shown-count").textContent = "loading…";
    const res = await fetch(`/api/map/points?${params}`);
    if (!res.ok) throw new Error(`map points: HTTP ${res.status}`);
    const body = await res.json();
    return body.rows.map((row) => fromRow(body.columns, row));
  }

  async function load({ zoom = true, days = null } = {}) {
    applied = formParams();
    node.dataset.loaded = "false";
    try { incidents = await fetchAll(applied); } catch (err) { document.getElementById("shown-count").textContent = "error"; return; }
    range = null; fillOblasts();
    const { select } = timeline();
    const shown = draw();
    if (days) select(days[0], days[1]);
    if (zoom && shown.length) map.fitBounds(L.latLngBounds(shown.map((i) => [i.place.lat, i.place.lon])).pad(0.1), { maxZoom: 10 });
    saveState();
    node.dataset.loaded = "true";
  }

  function restoreForm() {
    for (const name of FIELDS) {
      const value = state.get(name);
      if (value === null) continue;
      const field = form.elements[name];
      if (name === "oblast" && ![...field.options].some((o) => o.value === value)) addOption(field, value);
      field.value = value;
    }
  }

  const labels = L.layerGroup().addTo(map);
  let places = [];
  function drawLabels() {
    labels.clearLayers();
    const zoom = map.getZoom();
    const min = (LABEL_ZOOMS.find(([z]) => zoom >= z) || [0, Infinity])[1];
    const bounds = map.getBounds().pad(0.2);
    for (const f of places) {
      if (f.properties.population < min) break; // sorted biggest first
      const [lon, lat] = f.geometry.coordinates;
      if (!bounds.contains([lat, lon])) continue;
      L.marker([lat, lon], {
        icon: L.divIcon({ className: "place-label", html: "", iconSize: null }), interactive: false, keyboard: false,
      }).bindTooltip(f.properties.name, { permanent: true, direction: "right", className: "place-name", offset: [2, 0] }).addTo(labels);
    }
  }

  async function layer(url, style, onEach) {
    const res = await fetch(url);
    if (res.ok) L.geoJSON(await res.json(), { style, onEachFeature: onEach, interactive: Boolean(onEach) }).addTo(map).bringToBack();
  }

  async function loadPlaces() {
    const res = await fetch("/static/places.geojson");
    if (res.ok) places = (await res.json()).features;
    drawLabels();
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  form.addEventListener("reset", () => setTimeout(() => load({ zoom: false }), 0));
  map.on("moveend", () => { drawLabels(); if (node.dataset.loaded === "true") saveState(); });
  sizeLegend();
  restoreForm();
  const days = (state.get("days") || "").split(",");
  layer("/static/oblasts.geojson", { color: "#7b8794", weight: 0.8, fillColor: "#fdfcf7", fillOpacity: 1 },
    (f, l) => l.bindTooltip(f.properties.shapeName, { sticky: true }))
    .then(() => layer("/static/world.geojson", (f) => ({ color: "#a9b3bf", weight: 0.6, fillColor: f.properties.a3 === "UKR" ? "#fdfcf7" : "#e8e6df", fillOpacity: 1 })))
    .then(loadPlaces)
    .then(() => load({ zoom: !viewGiven && FIELDS.some((f) => state.has(f)), days: days.length === 2 ? days : null }));
})();
