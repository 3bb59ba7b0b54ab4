// After a save with errors: list each field's error at the top of the editor, whatever tab
// the member is on, with a link that opens the field's tab and puts the cursor in the field.
(function () {
  "use strict";
  const script = document.currentScript;

  function label(field) {
    const own = field.querySelector(".w-field__label, label");
    const panel = field.closest("[data-panel]");
    const heading = panel && panel.querySelector("[data-panel-heading-text]");
    return ((own && own.textContent) || (heading && heading.textContent) || "").replace("*", "").trim();
  }

  function open(field) {
    const tab = field.closest("[role=tabpanel]");
    const trigger = tab && document.querySelector('[role=tab][aria-controls="' + CSS.escape(tab.id) + '"]');
    if (trigger && trigger.getAttribute("aria-selected") !== "true") {
      trigger.click();
    }
    window.setTimeout(() => {
      field.scrollIntoView({ block: "center" });
      const input = field.querySelector("input:not([type=hidden]), textarea, select, [contenteditable=true]");
      if (input) {
        input.focus({ preventScroll: true });
      }
    }, 50);
  }

  function summarise() {
    const form = document.querySelector("form[data-edit-form], #page-edit-form");
    if (!form) {
      return;
    }
    const fields = [...form.querySelectorAll(".w-field--error")]
      .filter((field) => !field.parentElement.closest(".w-field--error"));
    if (!fields.length) {
      return;
    }
    const box = document.createElement("div");
    box.className = "help-block help-critical error-summary";
    box.setAttribute("role", "alert");
    box.dataset.errorSummary = "";
    const heading = document.createElement("p");
    heading.textContent = script.dataset.heading;
    box.append(heading);
    const list = document.createElement("ul");
    fields.forEach((field) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      const tab = field.closest("[role=tabpanel]");
      const tabName = tab && document.querySelector('[role=tab][aria-controls="' + CSS.escape(tab.id) + '"]');
      const message = field.querySelector(".error-message, .help-critical");
      const input = field.querySelector("[id]:is(input, textarea, select)");
      link.href = "#" + (input ? input.id : "");
      link.textContent = label(field) || script.dataset.field;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        open(field);
      });
      item.append(link);
      if (message) {
        item.append(": " + message.textContent.trim());
      }
      if (tabName) {
        item.append(" " + script.dataset.tab.replace("%(tab)s", tabName.textContent.replace(/\d+/g, "").trim()));
      }
      list.append(item);
    });
    box.append(list);
    const tabs = form.querySelector(".w-tabs, [data-controller~=w-tabs]");
    (tabs || form).insertAdjacentElement(tabs ? "beforebegin" : "afterbegin", box);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", summarise);
  } else {
    summarise();
  }
})();
