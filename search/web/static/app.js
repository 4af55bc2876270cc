// paracite's page works without this file; it adds the copy-citation button and the "/" shortcut,
// and folds the filters (and a paragraph page's paragraph before) on a phone.
// Document text is never turned into markup here: only textContent and clipboard text are set.
"use strict";

function copyCitation(button) {
  // Each citation has its own button (every hit, the paragraph page); the status beside it says what happened.
  const text = button.dataset.citation;
  const said = button.dataset.said || text;  // a quotation is too long to repeat in the status line
  const status = button.parentElement.querySelector(".copied") || document.getElementById("copied");
  const done = (message) => { if (status) status.textContent = message; };
  const fallback = () => {
    // No clipboard access (an insecure origin or a denied permission): select the citation instead.
    const heading = document.getElementById(button.dataset.select || "cite");
    if (!heading) { done("Press Ctrl+C to copy " + said); return; }
    const range = document.createRange();
    range.selectNodeContents(heading);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done("Selected: press Ctrl+C to copy " + (button.dataset.said ? "the text (its citation is above)" : text));
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(() => done("Copied " + said), fallback);
  } else {
    fallback();
  }
}

// The server opens the filters whenever one is in force, which suits a wide screen; on a phone the open form
// pushed the first result some 1,300 pixels down, while the chips above the results already say what is set.
const NARROW = "(max-width: 40rem)";

// The same on a paragraph's page: the paragraph before it, open above it, filled the first screen of a phone.
function foldFiltersWhenNarrow() {
  if (!window.matchMedia(NARROW).matches) return;
  for (const fold of document.querySelectorAll("details.filters, details.fold")) fold.open = false;
}

document.addEventListener("DOMContentLoaded", () => {
  foldFiltersWhenNarrow();
  for (const button of document.querySelectorAll("button.copy")) {
    button.hidden = false;
    button.addEventListener("click", () => copyCitation(button));
  }
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const box = document.getElementById("q");
      box.focus();
      box.select();
    }
  });
});
