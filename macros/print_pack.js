// Run by `python -m macros pdf` inside a built page (page scripts off): swap the article for the document's
// front matter and sections (a pocket card is all front, with no running footer). Ids get a per-section
// prefix so pages cannot collide; links to other pages become plain text, because a link to the local
// server is useless on paper.
({ front, sections, footer, pocket, pageCss }) => {
  const article = document.querySelector("article.md-content__inner");
  article.innerHTML = front;
  sections.forEach(({ html, title }, index) => {
    const section = document.createElement("section");
    section.className = "pb-print-section";
    section.innerHTML = html;
    const prefix = `s${index}-`;
    section.querySelectorAll("[id]").forEach((node) => { node.id = prefix + node.id; });
    section.querySelectorAll("label[for]").forEach((node) => { node.htmlFor = prefix + node.htmlFor; });
    section.querySelectorAll("[aria-labelledby], [aria-describedby]").forEach((node) => {
      ["aria-labelledby", "aria-describedby"].forEach((name) => {
        if (node.hasAttribute(name)) node.setAttribute(name, node.getAttribute(name).split(" ").map((id) => prefix + id).join(" "));
      });
    });
    section.querySelectorAll("a[href]").forEach((link) => {
      const href = link.getAttribute("href");
      if (href.startsWith("#")) link.setAttribute("href", "#" + prefix + href.slice(1));
      else if (new URL(link.href).origin === location.origin) link.replaceWith(...link.childNodes);
    });
    const heading = section.querySelector("h1, h2");
    if (title && heading) heading.textContent = title;
    article.append(section);
  });
  document.body.classList.toggle("pb-pocket", pocket);
  document.querySelectorAll("style[data-running-footer]").forEach((node) => node.remove());
  const style = document.createElement("style");
  style.textContent = (footer ? `@page { @bottom-left { content: ${footer}; font: 8pt sans-serif; color: #555; } }` : "") + pageCss;
  document.head.append(style);
}
