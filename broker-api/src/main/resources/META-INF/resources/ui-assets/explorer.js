// The API explorer: reads one resource as a client does and lists its links, each opening its own resource in the
// browser (which shows it here again, or on its page); a templated link gets a form for its variables; each embedded
// resource is listed with its own links. Text goes into the page as text, never as HTML.
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
  const embeddedBox = document.getElementById("explorer-embedded");
  const body = document.getElementById("explorer-body");
  let formCount = 0;

  // what a status the explorer cannot show a resource for means to the person reading
  const REFUSALS = {
    401: "This resource needs credentials: sign in with a user that may read it (your browser asks when you reload).",
    403: "Your user may not read this resource.",
    404: "There is no resource at this address: check the path, or follow a link from the index at /.",
  };

  const element = (name, text, className) => {
    const node = document.createElement(name);
    if (text !== undefined) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  };

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

  // RFC 6570's simple ({name}) and query ({?a,b}, {&a}) expressions, the ones the API's links use
  const EXPRESSION = /\{([?&]?)([^}]+)\}/g;

  const variables = (href) => {
    const names = [];
    for (const match of href.matchAll(EXPRESSION)) {
      for (const name of match[2].split(",")) {
        if (!names.includes(name)) {
          names.push(name);
        }
      }
    }
    return names;
  };

  const expand = (href, values) =>
    href.replace(EXPRESSION, (whole, operator, list) => {
      const names = list.split(",");
      if (operator === "") {
        return names.map((name) => encodeURIComponent(values[name] || "")).join(",");
      }
      const pairs = names
        .filter((name) => values[name])
        .map((name) => encodeURIComponent(name) + "=" + encodeURIComponent(values[name]));
      if (pairs.length === 0) {
        return "";
      }
      return (operator === "?" ? "?" : "&") + pairs.join("&");
    });

  // a form that fills the link's variables and opens the resource they name
  const templateForm = (rel, href) => {
    const form = element("form", undefined, "template-form");
    form.dataset.rel = rel;
    const number = ++formCount;
    const names = variables(href);
    for (const name of names) {
      const field = element("div");
      const id = "template-" + number + "-" + name.replace(/[^A-Za-z0-9_-]/g, "_");
      const label = element("label", name);
      label.htmlFor = id;
      const input = element("input");
      input.id = id;
      input.name = name;
      input.type = "text";
      input.required = !href.includes("{?" + name) && !href.includes("{&" + name);
      field.append(label, input);
      form.appendChild(field);
    }
    const button = element("button", "Open");
    button.type = "submit";
    button.setAttribute("aria-label", "Open " + rel);
    form.appendChild(button);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = {};
      for (const name of names) {
        values[name] = form.elements.namedItem(name).value.trim();
      }
      const path = localPath(expand(href, values));
      if (path) {
        window.location.assign(path);
      }
    });
    const template = element("code", href);
    return [template, form];
  };

  const linkCell = (rel, link) => {
    const templated = link.templated || /\{[^}]+\}/.test(link.href);
    if (templated && localPath(link.href.replace(EXPRESSION, "x"))) {
      return templateForm(rel, link.href);
    }
    const path = templated ? null : localPath(link.href);
    if (path) {
      const a = element("a", path);
      a.href = path;
      return [a];
    }
    return [element("code", link.href)];
  };

  const linksTable = (links, caption) => {
    const entries = Object.entries(links || {}).filter(([rel]) => rel !== "curies");
    if (entries.length === 0) {
      return null;
    }
    const table = element("table", undefined, "responsive explorer-links");
    table.createCaption().textContent = caption;
    const head = table.createTHead().insertRow();
    for (const title of ["Relation", "Title", "Link"]) {
      const th = element("th", title);
      th.scope = "col";
      head.appendChild(th);
    }
    const rows = table.createTBody();
    for (const [rel, value] of entries) {
      for (const link of Array.isArray(value) ? value : [value]) {
        if (!link || typeof link.href !== "string") {
          continue;
        }
        const row = rows.insertRow();
        row.dataset.rel = rel;
        const relCell = row.insertCell();
        relCell.dataset.label = "Relation";
        const doc = docLink(rel, links.curies);
        if (doc) {
          const a = element("a", rel);
          a.href = doc;
          relCell.appendChild(a);
        } else {
          relCell.textContent = rel;
        }
        const titleCell = row.insertCell();
        titleCell.dataset.label = "Title";
        titleCell.textContent = link.title || link.name || "";
        const hrefCell = row.insertCell();
        hrefCell.dataset.label = "Link";
        hrefCell.append(...linkCell(rel, link));
      }
    }
    return table;
  };

  const renderLinks = (links) => {
    const table = linksTable(links, "The resource's relations; a relation's name opens its documentation.");
    if (table) {
      linksBox.append(element("h2", "Links"), table);
    }
  };

  const itemName = (item, index) => {
    const self = item._links && item._links.self;
    const named = item.name || item.title || item.number || (self && !Array.isArray(self) && self.title);
    return "#" + (index + 1) + (named ? " · " + named : "");
  };

  const renderEmbedded = (embedded, curies) => {
    const entries = Object.entries(embedded || {});
    if (entries.length === 0) {
      return;
    }
    embeddedBox.appendChild(element("h2", "Embedded resources"));
    for (const [rel, value] of entries) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, index) => {
        if (!item || typeof item !== "object") {
          return;
        }
        const box = element("section", undefined, "explorer-embedded-item");
        box.dataset.rel = rel;
        box.appendChild(element("h3", rel + " " + itemName(item, index)));
        const links = Object.assign({ curies: curies }, item._links || {});
        const table = linksTable(links, "Links of " + rel + " " + itemName(item, index));
        box.appendChild(table || element("p", "No links.", "muted"));
        embeddedBox.appendChild(box);
      });
    }
  };

  fetch(base + resource, { headers: { Accept: "application/hal+json, application/json;q=0.9" }, credentials: "same-origin" })
    .then(async (response) => {
      const text = await response.text();
      status.textContent = response.status + " " + (response.statusText || "") + " · " + (response.headers.get("Content-Type") || "");
      const refusal = REFUSALS[response.status];
      if (refusal) {
        const message = element("p", refusal, "message error");
        message.id = "explorer-refusal";
        message.setAttribute("role", "alert");
        status.after(message);
      }
      let json = null;
      try {
        json = JSON.parse(text);
      } catch (e) {
        body.textContent = text;
        return;
      }
      renderLinks(json._links);
      renderEmbedded(json._embedded, json._links && json._links.curies);
      body.textContent = JSON.stringify(json, null, 2);
    })
    .catch((error) => {
      status.textContent = "Could not read " + resource + ": " + error.message;
    });
})();
