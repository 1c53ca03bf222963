// Progressive enhancement only: every page works without this script. It asks before a form that deletes something is
// sent, filters a table as one types, and reloads a page's list when a toggle changes.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

document.addEventListener("input", (event) => {
  const input = event.target;
  const tableId = input.getAttribute("data-filter-table");
  if (!tableId) {
    return;
  }
  const needle = input.value.trim().toLowerCase();
  const table = document.getElementById(tableId);
  if (!table) {
    return;
  }
  for (const row of table.tBodies[0].rows) {
    row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
  }
});

document.addEventListener("change", (event) => {
  const toggle = event.target;
  if (toggle.hasAttribute("data-submit-on-change") && toggle.form) {
    toggle.form.submit();
  }
});
