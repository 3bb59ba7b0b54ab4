// Copy a post's link to the clipboard. The button stays hidden without JavaScript or clipboard.
document.querySelectorAll("[data-copy-link]").forEach((button) => {
  if (!navigator.clipboard) return;
  const status = document.querySelector("[data-copy-status]");
  const label = button.textContent;
  button.parentElement.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
    } catch {
      return;
    }
    button.textContent = button.dataset.copiedLabel;
    if (status) status.textContent = button.dataset.copiedLabel;
    setTimeout(() => {
      button.textContent = label;
      if (status) status.textContent = "";
    }, 2500);
  });
});
