// Draws the network page's graph from its table of consumer → provider links, which stays the page's content for
// keyboard, screen-reader and script-less readers. The layout is layered: every consumer is left of its providers
// (cycles are broken where a depth-first walk finds them), each layer is ordered by its neighbours' places to keep
// crossings down, and a layer taller than the drawing is wide is wrapped into several columns. Each column is as wide as
// its longest (measured) label, one box per row, so no label overlaps another at any size. The drawing scrolls and
// zooms; clicking a box opens that application's page. Plain SVG, no library.
"use strict";

(() => {
  const drawing = document.getElementById("network-drawing");
  const table = document.getElementById("network-links");
  if (!drawing || !table) {
    return;
  }
  const SVG = "http://www.w3.org/2000/svg";
  const ROW = 30;
  const BOX = 22;
  const PAD = 8;
  const GAP = 80;
  const MARGIN = 16;
  const MAX_LABEL = 40;
  const FONT = "600 13px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";

  // the graph: an application per name, with its page's link; each consumer → provider edge once
  const nodes = new Map();
  const edges = [];
  const nodeOf = (link) => {
    const name = link.textContent;
    if (!nodes.has(name)) {
      nodes.set(name, { name, href: link.getAttribute("href"), out: [], in: [], edges: [] });
    }
    return nodes.get(name);
  };
  for (const row of table.tBodies[0].rows) {
    const from = nodeOf(row.querySelector("a.consumer"));
    const to = nodeOf(row.querySelector("a.provider"));
    if (from !== to && !from.out.includes(to)) {
      const edge = { from, to };
      edges.push(edge);
      from.out.push(to);
      to.in.push(from);
      from.edges.push(edge);
      to.edges.push(edge);
    }
  }
  const all = [...nodes.values()];

  // layers: the longest path from a source, over the edges left once a depth-first walk's back edges are set aside
  const state = new Map();
  const visit = (node) => {
    state.set(node, "open");
    for (const edge of node.edges) {
      if (edge.from !== node) {
        continue;
      }
      if (state.get(edge.to) === "open") {
        edge.back = true;
      } else if (!state.has(edge.to)) {
        visit(edge.to);
      }
    }
    state.set(node, "done");
  };
  all.filter((n) => n.in.length === 0).forEach((n) => state.has(n) || visit(n));
  all.forEach((n) => state.has(n) || visit(n));
  const waiting = new Map(all.map((n) => [n, 0]));
  edges.filter((e) => !e.back).forEach((e) => waiting.set(e.to, waiting.get(e.to) + 1));
  all.forEach((n) => { n.layer = 0; });
  const ready = all.filter((n) => waiting.get(n) === 0);
  while (ready.length > 0) {
    const node = ready.shift();
    for (const edge of node.edges) {
      if (edge.from === node && !edge.back) {
        edge.to.layer = Math.max(edge.to.layer, node.layer + 1);
        waiting.set(edge.to, waiting.get(edge.to) - 1);
        if (waiting.get(edge.to) === 0) {
          ready.push(edge.to);
        }
      }
    }
  }
  const layers = [];
  all.forEach((n) => (layers[n.layer] = layers[n.layer] || []).push(n));

  // order within layers: a few sweeps each way, sorting by the mean place of each node's neighbours
  const place = (layer) => layer.forEach((n, i) => { n.place = (i + 0.5) / layer.length; });
  layers.forEach(place);
  for (let sweep = 0; sweep < 8; sweep++) {
    for (const layer of sweep % 2 === 0 ? layers : [...layers].reverse()) {
      const weight = new Map(layer.map((n) => {
        const near = n.in.concat(n.out);
        return [n, near.length === 0 ? n.place : near.reduce((sum, m) => sum + m.place, 0) / near.length];
      }));
      layer.sort((a, b) => weight.get(a) - weight.get(b));
      place(layer);
    }
  }

  // columns: a layer wraps after maxRows boxes; each column as wide as its widest label
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = FONT;
  all.forEach((n) => {
    n.label = n.name.length > MAX_LABEL ? n.name.slice(0, MAX_LABEL - 1) + "…" : n.name;
    n.width = Math.ceil(measure.measureText(n.label).width) + 2 * PAD;
  });
  const maxRows = Math.max(12, Math.ceil(Math.sqrt(all.length) * 2));
  const columns = [];
  layers.forEach((layer) => {
    for (let start = 0; start < layer.length; start += maxRows) {
      columns.push(layer.slice(start, start + maxRows));
    }
  });
  const tallest = Math.max(...columns.map((c) => c.length));
  let x = MARGIN;
  columns.forEach((column) => {
    const top = MARGIN + ((tallest - column.length) * ROW) / 2;
    column.forEach((n, row) => {
      n.x = x;
      n.y = top + row * ROW;
    });
    x += Math.max(...column.map((n) => n.width)) + GAP;
  });
  const width = x - GAP + MARGIN;
  const height = 2 * MARGIN + (tallest - 1) * ROW + BOX;

  // the drawing
  const element = (name, attributes, parent) => {
    const e = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => e.setAttribute(key, value));
    if (parent) {
      parent.appendChild(e);
    }
    return e;
  };
  const svg = element("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "network-graph",
    "aria-hidden": "true",
    focusable: "false",
  });
  const defs = element("defs", {}, svg);
  const marker = element("marker", {
    id: "network-arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
    markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse",
  }, defs);
  element("path", { d: "M0,0 L10,5 L0,10 z", class: "network-arrowhead" }, marker);
  const edgeLayer = element("g", { class: "edges" }, svg);
  const nodeLayer = element("g", { class: "nodes" }, svg);
  edges.forEach((edge) => {
    const sx = edge.from.x + edge.from.width;
    const sy = edge.from.y + BOX / 2;
    const tx = edge.to.x;
    const ty = edge.to.y + BOX / 2;
    const bend = Math.max(GAP / 2, Math.abs(tx - sx) / 2);
    edge.path = element("path", {
      d: `M${sx},${sy} C${sx + bend},${sy} ${tx - bend},${ty} ${tx},${ty}`,
      class: edge.back ? "edge back" : "edge",
      "marker-end": "url(#network-arrow)",
    }, edgeLayer);
  });
  const centre = drawing.getAttribute("data-centre");
  all.forEach((n) => {
    const link = element("a", { href: n.href, class: n.name === centre ? "node centre" : "node", tabindex: "-1" }, nodeLayer);
    element("title", {}, link).textContent = n.name;
    element("rect", { x: n.x, y: n.y, width: n.width, height: BOX, rx: 4 }, link);
    element("text", { x: n.x + PAD, y: n.y + BOX / 2, "dominant-baseline": "central" }, link).textContent = n.label;
    n.element = link;
    const pick = (on) => {
      svg.classList.toggle("picking", on);
      link.classList.toggle("picked", on);
      n.edges.forEach((edge) => edge.path.classList.toggle("picked", on));
    };
    link.addEventListener("mouseenter", () => pick(true));
    link.addEventListener("mouseleave", () => pick(false));
  });

  // zoom: the drawing's size changes, its container scrolls
  let scale = 1;
  const zoom = (to) => {
    scale = Math.min(3, Math.max(0.1, to));
    svg.setAttribute("width", Math.round(width * scale));
    svg.setAttribute("height", Math.round(height * scale));
  };
  const tools = document.createElement("div");
  tools.className = "toolbar network-tools";
  const button = (text, action) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.textContent = text;
    b.addEventListener("click", action);
    tools.appendChild(b);
  };
  button("Zoom out", () => zoom(scale / 1.25));
  button("Zoom in", () => zoom(scale * 1.25));
  button("Fit to the page", () => zoom(Math.min(1, (drawing.clientWidth - 4) / width)));
  button("Actual size", () => zoom(1));
  drawing.parentNode.insertBefore(tools, drawing);
  zoom(1);
  drawing.appendChild(svg);
  const focus = nodes.get(centre);
  if (focus) {
    drawing.scrollLeft = focus.x - drawing.clientWidth / 2;
    drawing.scrollTop = focus.y - drawing.clientHeight / 2;
  }
})();
