// Run by `python -m macros pdf` inside a built page (page scripts off): the article's HTML, or only the
// part under the heading with id `section`, with the page's own buttons and tags left out.
(section) => {
  const article = document.querySelector("article.md-content__inner");
  article.querySelectorAll(".md-content__button, .md-tags, .md-source-file, .headerlink").forEach((node) => node.remove());
  if (!section) return { html: article.innerHTML, title: article.querySelector("h1").textContent.trim() };
  const heading = article.querySelector(`[id="${CSS.escape(section)}"]`);
  if (!heading || !/^H[1-6]$/.test(heading.tagName)) return null;
  const level = +heading.tagName[1];
  const parts = [heading.outerHTML];
  for (let node = heading.nextElementSibling; node && !(/^H[1-6]$/.test(node.tagName) && +node.tagName[1] <= level); node = node.nextElementSibling) {
    parts.push(node.outerHTML);
  }
  return { html: parts.join(""), title: heading.textContent.trim() };
}
