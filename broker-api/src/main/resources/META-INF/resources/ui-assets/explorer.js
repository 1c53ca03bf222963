// The API explorer: reads one resource as a client does and lists its links, each opening its own resource in the
// browser (which shows it here again, or on its page). Text goes into the page as text, never as HTML.
"use strict";

(() => {
  const section = document.getElementById("explorer");
  if (!section) {
    return;
  }
  const base = document.body.dataset.base || "";
  let resource = section.dataset.resource;
  if (!resource) {
    // the HAL browser's addresses: /hal-browser/browser.html#/pacticipants
    const fromForm = new URLSearchParams(window.location.search).get("path");
    resource = fromForm || (window.location.hash.startsWith("#/") ? window.location.hash.substring(1) : "/");
  }
  document.getElementById("explorer-path").value = resource;
  document.getElementById("explorer-title").textContent = resource;

  const status = document.getElementById("explorer-status");
  const linksBox = document.getElementById("explorer-links");
  const body = document.getElementById("explorer-body");

  const localPath = (href) => {
    try {
      const url = new URL(href, window.location.origin);
      return url.origin === window.location.origin ? url.pathname + url.search : null;
    } catch (e) {
      return null;
    }
  };

  const docLink = (rel, curies) => {
    const colon = rel.indexOf(":");
    if (colon < 0) {
      return null;
    }
    const curie = (curies || []).find((c) => c.name === rel.substring(0, colon));
    return curie ? curie.href.replace("{rel}", rel.substring(colon + 1)) : null;
  };

  const renderLinks = (links) => {
    const entries = Object.entries(links || {}).filter(([rel]) => rel !== "curies");
    if (entries.length === 0) {
      return;
    }
    const table = document.createElement("table");
    table.className = "responsive";
    const head = table.createTHead().insertRow();
    for (const title of ["Relation", "Title", "Link"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = title;
      head.appendChild(th);
    }
    const rows = table.createTBody();
    for (const [rel, value] of entries) {
      for (const link of Array.isArray(value) ? value : [value]) {
        const row = rows.insertRow();
        const relCell = row.insertCell();
        relCell.dataset.label = "Relation";
        const doc = docLink(rel, links.curies);
        if (doc) {
          const a = document.createElement("a");
          a.href = doc;
          a.textContent = rel;
          relCell.appendChild(a);
        } else {
          relCell.textContent = rel;
        }
        const titleCell = row.insertCell();
        titleCell.dataset.label = "Title";
        titleCell.textContent = link.title || link.name || "";
        const hrefCell = row.insertCell();
        hrefCell.dataset.label = "Link";
        const path = link.templated ? null : localPath(link.href);
        if (path) {
          const a = document.createElement("a");
          a.href = path;
          a.textContent = path;
          hrefCell.appendChild(a);
        } else {
          const code = document.createElement("code");
          code.textContent = link.href;
          hrefCell.appendChild(code);
        }
      }
    }
    const heading = document.createElement("h2");
    heading.textContent = "Links";
    linksBox.appendChild(heading);
    linksBox.appendChild(table);
  };

  fetch(base + resource, { headers: { Accept: "application/hal+json, application/json;q=0.9" }, credentials: "same-origin" })
    .then(async (response) => {
      const text = await response.text();
      status.textContent = response.status + " " + (response.statusText || "") + " · " + (response.headers.get("Content-Type") || "");
      let json = null;
      try {
        json = JSON.parse(text);
      } catch (e) {
        body.textContent = text;
        return;
      }
      renderLinks(json._links);
      body.textContent = JSON.stringify(json, null, 2);
    })
    .catch((error) => {
      status.textContent = "Could not read " + resource + ": " + error.message;
    });
})();
