// Show where a submission stands on the edit page, and each flag next to its field.
// Polls the status endpoint while the automatic check runs in the task worker.
(function () {
  "use strict";
  const script = document.currentScript;
  const match = window.location.pathname.match(/\/pages\/(\d+)\/edit\/?$/);
  if (!script || !match) {
    return;
  }
  const url = script.dataset.statusUrl.replace(/0\/$/, match[1] + "/");
  const MAX_DELAY = 10000;

  function fieldElement(target) {
    if (target.name) {
      const input = document.querySelector('[name="' + CSS.escape(target.name) + '"]');
      return input && (input.closest("[data-field-wrapper], .w-field__wrapper") || input.parentElement);
    }
    if (target.block) {
      return document.querySelector('[data-contentpath="' + CSS.escape(target.block) + '"]');
    }
    return null;
  }

  function annotate(flags) {
    document.querySelectorAll("[data-moderation-field-flag]").forEach((el) => el.remove());
    flags.forEach((flag) => {
      const element = fieldElement(flag.target || {});
      if (!element) {
        return;
      }
      const note = document.createElement("p");
      note.className = "help-block " + (flag.severity === "block" ? "help-critical" : "help-warning");
      note.dataset.moderationFieldFlag = flag.field;
      note.setAttribute("role", "alert");
      note.textContent = flag.label + ": " + flag.message + (flag.excerpt ? " “" + flag.excerpt + "”" : "");
      // Inside a StreamField block, not between blocks, where the stream keeps its own order.
      element.insertAdjacentElement(flag.target.block ? "afterbegin" : "afterend", note);
    });
  }

  function show(status) {
    const template = document.createElement("template");
    template.innerHTML = status.html.trim();
    const box = template.content.firstElementChild;
    const current = document.querySelector("[data-submission-status]");
    if (current) {
      current.replaceWith(box);
    } else {
      const main = document.querySelector("main") || document.body;
      main.prepend(box);
    }
    annotate(status.flags);
  }

  function poll(delay) {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((status) => {
        if (!status || status.state === "none") {
          return;
        }
        show(status);
        if (status.state === "checking") {
          window.setTimeout(() => poll(Math.min(delay * 1.5, MAX_DELAY)), delay);
        }
      })
      .catch(() => window.setTimeout(() => poll(MAX_DELAY), MAX_DELAY));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => poll(1500));
  } else {
    poll(1500);
  }
})();
