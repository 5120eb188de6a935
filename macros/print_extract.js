// Run by `python -m macros pdf` inside a built page (page scripts off): the article's HTML, or only the
// part under the heading with id `section`, with the page's own buttons, tags and download links left out
// (paper cannot download itself), and the line over a page a language's site shows untranslated (a pack has no
// page to spare for it, and reads in the language it is written in), as data/printing.yml asks: collapsed sections open or left out, notes for
// managers (.pb-manager-note) kept or left out, and the parts named in `leaveOut` (a heading's id, or a card's
// title) left out. `missing` names those not found.
({ section, collapsed, managerNotes, leaveOut }) => {
  const article = document.querySelector("article.md-content__inner");
  article.querySelectorAll(".md-content__button, .md-tags, .md-source-file, .headerlink, .pb-download, .pb-first-language").forEach((node) => node.remove());
  const isHeading = (node) => /^H[1-6]$/.test(node.tagName);
  // A heading and what follows it, up to the next heading of its level or above.
  const underHeading = (heading) => {
    const level = +heading.tagName[1];
    const nodes = [heading];
    for (let node = heading.nextElementSibling; node && !(isHeading(node) && +node.tagName[1] <= level); node = node.nextElementSibling) nodes.push(node);
    return nodes;
  };
  const cardTitled = (title) => [...article.querySelectorAll(".grid.cards > ul > li, .pb-card")].find((card) => {
    const first = card.querySelector("strong, .pb-card__title");
    return first && first.textContent.trim() === title;
  });
  const leave = (name) => {
    const heading = article.querySelector(`[id="${CSS.escape(name)}"]`);
    const parts = heading && isHeading(heading) ? underHeading(heading) : [cardTitled(name)].filter(Boolean);
    parts.forEach((node) => node.remove());
    return parts.length > 0;
  };
  const missing = leaveOut.filter((name) => !leave(name));
  if (collapsed === "leave out") article.querySelectorAll("details:not([open])").forEach((node) => node.remove());
  if (managerNotes === "leave out") article.querySelectorAll(".pb-manager-note").forEach((node) => node.remove());
  if (!section) return { html: article.innerHTML, title: article.querySelector("h1").textContent.trim(), missing };
  const heading = article.querySelector(`[id="${CSS.escape(section)}"]`);
  if (!heading || !isHeading(heading)) return null;
  return { html: underHeading(heading).map((node) => node.outerHTML).join(""), title: heading.textContent.trim(), missing };
}
