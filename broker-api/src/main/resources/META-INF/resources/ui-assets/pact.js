// The pact page's diff with the previous distinct version, read from the API when the reader opens it: computing a
// diff of two large pacts costs more than the rest of the page, and most visits never look at it.
"use strict";

(() => {
  const details = document.getElementById("pact-diff-details");
  if (!details) {
    return;
  }
  const shown = document.getElementById("pact-diff");
  let loaded = false;
  details.addEventListener("toggle", () => {
    if (!details.open || loaded) {
      return;
    }
    loaded = true;
    fetch(details.dataset.diff, { headers: { Accept: "text/plain" }, credentials: "same-origin" })
      .then(async (response) => {
        const text = await response.text();
        if (response.ok) {
          shown.textContent = text;
        } else {
          let message = text;
          try {
            message = JSON.parse(text).error || text;
          } catch (e) {
            // a plain-text refusal is shown as it is
          }
          shown.textContent = "No changes to show: " + message;
        }
      })
      .catch((error) => {
        shown.textContent = "Could not read the changes: " + error.message;
      });
  });
})();
