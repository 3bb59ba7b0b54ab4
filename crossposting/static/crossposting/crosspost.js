// Live character counts and previews on the cross-posting page. Counts follow
// crossposting/compose.py: X weighs links as 23 and wide characters as 2; Telegram counts
// UTF-16 code units; Instagram and Facebook count characters.
(() => {
  const form = document.querySelector("[data-crosspost]");
  if (!form) return;
  const link = form.dataset.link;
  const hasImage = form.dataset.hasImage === "1";
  const URL_RE = /https?:\/\/[^\s]+/g;
  const TRAILING = /[.,;:!?)\]}"']+$/;
  const LIGHT = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];

  const urls = (text) => (text.match(URL_RE) || []).map((u) => u.replace(TRAILING, ""));
  const xLength = (text) => {
    let rest = text.normalize("NFC");
    let total = 0;
    for (const url of urls(rest)) {
      rest = rest.replace(url, "");
      total += 23;
    }
    for (const ch of rest) {
      const code = ch.codePointAt(0);
      total += LIGHT.some(([lo, hi]) => code >= lo && code <= hi) ? 1 : 2;
    }
    return total;
  };
  const chars = (text) => Array.from(text).length;
  const hashtagCount = (text) => (text.match(/#[\p{L}\p{N}_]+/gu) || []).length;

  const measures = {
    x: (t) => [xLength(t)],
    instagram: (t) => [chars(t), hashtagCount(t)],
    telegram: (t) => (hasImage ? [t.length, t.length] : [t.length]),
    facebook_page: (t) => [chars(t)],
  };

  const chosenAccounts = (network) =>
    Array.from(form.querySelectorAll(`input[name="accounts"][data-network="${network}"]:checked`))
      .map((box) => box.dataset.accountName);

  const update = (section) => {
    const network = section.dataset.networkSection;
    const textarea = section.querySelector("textarea");
    const text = textarea.value.replace(/\r\n/g, "\n");
    const values = (measures[network] || ((t) => [chars(t)]))(text);
    section.querySelectorAll("[data-count]").forEach((count) => {
      const used = values[Number(count.dataset.count)] ?? 0;
      count.querySelector("[data-used]").textContent = used;
      count.classList.toggle("crosspost-count--over", used > Number(count.dataset.limit));
    });
    const names = chosenAccounts(network);
    section.classList.toggle("crosspost-network--unchosen", names.length === 0);
    section.querySelector("[data-preview-account]").textContent =
      names.length ? names.join(", ") : section.dataset.labelNone;
    section.querySelector("[data-preview-text]").textContent = text;
    const notes = [];
    if (!text.includes(link)) notes.push(section.dataset.noteLink);
    let showImage = hasImage;
    if (network === "telegram" && hasImage && text.length > 1024) {
      notes.push(section.dataset.noteCaption);
      showImage = false;
    }
    if (network === "instagram" && !hasImage) notes.push(section.dataset.notePhoto);
    const image = section.querySelector("[data-preview-image]");
    if (image) image.hidden = !showImage;
    const note = section.querySelector("[data-preview-note]");
    note.textContent = notes.join(" ");
    note.hidden = notes.length === 0;
  };

  const sections = Array.from(form.querySelectorAll("[data-network-section]"));
  sections.forEach((section) => {
    const textarea = section.querySelector("textarea");
    textarea.addEventListener("input", () => update(section));
    const append = (extra) => {
      textarea.value = `${textarea.value.trimEnd()}\n\n${extra}`;
      update(section);
      textarea.focus();
    };
    section.querySelector("[data-insert-hashtags]")?.addEventListener("click", (event) => {
      append(event.currentTarget.dataset.insertHashtags);
    });
    section.querySelector("[data-insert-link]")?.addEventListener("click", () => append(link));
    update(section);
  });
  form.querySelectorAll('input[name="accounts"]').forEach((box) => {
    box.addEventListener("change", () => sections.forEach(update));
  });

  // Copy the ready-to-paste message for WhatsApp and Facebook groups.
  const copyButton = document.querySelector("[data-copy-text]");
  const shareText = document.querySelector("[data-share-text]");
  if (copyButton && shareText) {
    copyButton.addEventListener("click", async () => {
      const status = document.querySelector("[data-copy-status]");
      try {
        await navigator.clipboard.writeText(shareText.value);
      } catch {
        shareText.select();
        document.execCommand("copy");
      }
      if (status) status.textContent = copyButton.dataset.copiedLabel || "✓";
    });
  }
})();
