// Print buttons (no inline script, so the admin's Content-Security-Policy holds).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
