// The search page only. Nothing is fetched until the reader focuses the search box or arrives with
// a query (?q=): then Pagefind's own interface loads, and each query fetches only the index chunks
// it needs. No other page runs this file.
(() => {
  const form = document.querySelector(".cbc-search-form");
  const ours = document.getElementById("cbc-q");
  const mount = document.getElementById("cbc-search");
  if (!form || !ours || !mount) return;
  // This edition's index: pagefind/ at the root of the site or of its edition (uk/pagefind/).
  const base = new URL("pagefind/", document.currentScript.src.replace("assets/javascripts/search-page.js", ""));
  let started = null;

  const start = () => started ??= new Promise((resolve, reject) => {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("pagefind-ui.css", base).href;
    document.head.append(css);
    const js = document.createElement("script");
    js.src = new URL("pagefind-ui.js", base).href;
    js.onload = () => {
      const ui = new PagefindUI({
        element: mount, showImages: false, showSubResults: true, resetStyles: false,
        translations: { placeholder: ours.placeholder },
        // Lead each claim with its verdict, as the claim pages do.
        processResult: (result) => {
          if (result.meta && result.meta.verdict) result.meta.title = `${result.meta.verdict}: ${result.meta.title}`;
          return result;
        },
      });
      form.hidden = true;  // Pagefind's box takes over, with what was typed so far
      const theirs = mount.querySelector("input");
      if (ours.value) ui.triggerSearch(ours.value);
      if (theirs) theirs.focus();
      resolve(ui);
    };
    js.onerror = () => {
      mount.textContent = "No search index here: `make serve` previews without one. `make build` writes it.";
      reject(new Error("pagefind-ui.js did not load"));
    };
    document.head.append(js);
  });

  ours.addEventListener("focus", start, { once: true });
  ours.addEventListener("input", start, { once: true });
  form.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) { ours.value = query; start(); }
})();
