// Progressive enhancement only. Tapping a passage in the annotated article follows its link to the
// note; browsers that open <details> on fragment navigation do the rest themselves, and this opens
// the note in those that don't. Without this file every link still works.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.cbc-passage");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const note = target && target.closest("details");
  if (note) note.open = true;
});

// Printing: an internal link prints its absolute address (the stylesheet shows data-print-href), so
// a paper copy says where each page is. Without this file, external links still print theirs.
window.addEventListener("beforeprint", () => {
  for (const link of document.querySelectorAll(".md-content a[href]:not(.headerlink)")) {
    const href = link.getAttribute("href");
    if (!href || href.startsWith("#") || /^[a-z]+:/i.test(href)) continue;
    const url = new URL(href, document.baseURI);
    if (url.pathname === location.pathname && url.hash) continue;
    link.dataset.printHref = url.href;
  }
});
