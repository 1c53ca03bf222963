// The matrix page's form: more pacticipant rows on demand, and only what was filled in is sent, so the address is the
// Pact Broker's short matrix query a user can bookmark. Without this script the form still works with its rows.
"use strict";

(() => {
  const form = document.getElementById("matrix-form");
  const selectors = document.getElementById("selectors");
  const add = document.getElementById("add-selector");
  if (!form || !selectors || !add) {
    return;
  }
  add.hidden = false;

  add.addEventListener("click", () => {
    const rows = selectors.querySelectorAll("[data-selector]");
    const copy = rows[rows.length - 1].cloneNode(true);
    const index = rows.length;
    for (const input of copy.querySelectorAll("input")) {
      input.id = input.id.replace(/-\d+$/, "-" + index);
      if (input.type === "checkbox") {
        input.checked = false;
      } else {
        input.value = "";
      }
    }
    for (const label of copy.querySelectorAll("label")) {
      label.htmlFor = label.htmlFor.replace(/-\d+$/, "-" + index);
    }
    selectors.appendChild(copy);
    copy.querySelector("input").focus();
  });

  form.addEventListener("submit", () => {
    for (const row of selectors.querySelectorAll("[data-selector]")) {
      const pacticipant = row.querySelector("input[name='q[][pacticipant]']");
      if (pacticipant && pacticipant.value.trim() === "") {
        for (const input of row.querySelectorAll("input")) {
          input.disabled = true;
        }
      }
    }
    for (const input of form.querySelectorAll("input[type='text'], input:not([type]), input[type='number']")) {
      if (input.value.trim() === "") {
        input.disabled = true;
      }
    }
  });

  // coming back to the page from the browser's history shows the form as it was, with every field usable
  window.addEventListener("pageshow", () => {
    for (const input of form.querySelectorAll("input")) {
      input.disabled = false;
    }
  });
})();
