// The phone gate: what a reader at 320 or 375 px must never meet. Returns a list of findings,
// each {check, where, detail}. Runs in the page; only the page content (.md-content) and the
// header's title are inspected, not Material's off-screen drawers.
(() => {
  const findings = [];
  const add = (check, el, detail) => findings.push({check, where: describe(el), detail});
  const describe = (el) => {
    if (!el || !el.tagName) return "?";
    const id = el.id ? "#" + el.id : "";
    const cls = el.classList && el.classList.length ? "." + [...el.classList].slice(0, 2).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  const root = document.querySelector(".md-content") || document.body;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden") return false;
      if (e.tagName === "DETAILS" && !e.open && e !== el && !el.closest("summary")) return false;
    }
    return true;
  };
  const srOnly = (el) => {
    for (let e = el; e && e !== root; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };

  // 1. A word broken across lines inside a table cell, caption or heading.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const host = node.parentElement.closest("td, th, caption, h1, h2, h3, h4, h5, h6");
    if (!host || !visible(node.parentElement) || srOnly(node.parentElement)) continue;
    const re = /[^\s\u00a0\u2014\u2013\/-]{2,}/g;  // a word; dashes and slashes are allowed break points
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) add("word-break", host, m[0]);
    }
  }

  // 2. Content wider than its box, unless inside a declared scroll container with a visible cue.
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
    add("overflow", document.documentElement,
        `page is ${document.documentElement.scrollWidth}px wide in a ${document.documentElement.clientWidth}px window`);
  }
  for (const el of root.querySelectorAll("*")) {
    if (!visible(el) || srOnly(el)) continue;
    const s = getComputedStyle(el);
    if (s.textOverflow === "ellipsis") continue;  // declared truncation, with its ellipsis as the cue
    if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
    if (["auto", "scroll"].includes(s.overflowX)) {
      // Declared scroll containers: code, and table wrappers whose edge shadows show that more
      // of the table lies to the side (the shadow is the visible cue; see cbc.css).
      const declared = el.matches(".md-typeset__scrollwrap, .cbc-table-wrap");
      const cue = s.backgroundImage.includes("gradient");
      if (!el.matches("pre, code, .highlight *") && !(declared && cue)) {
        add("overflow", el, `scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px) with no visible cue`);
      }
    } else if (["hidden", "clip"].includes(s.overflowX)) {
      add("overflow", el, `clips its content (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
  }
  // Anything sticking out past the right edge of the content column (content inside a scrolling or
  // clipping box is judged with its box above).
  const insideClip = (el) => {
    for (let e = el.parentElement; e && e !== root; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const edge = root.getBoundingClientRect().right + 1;
  for (const el of root.querySelectorAll("*")) {
    if (!visible(el) || srOnly(el) || insideClip(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > edge && r.width > 0 && !el.closest("[class*='md-sidebar']")) {
      add("overflow", el, `ends ${Math.round(r.right - edge)}px past the content's right edge`);
    }
  }

  // 3. Text smaller than 12 CSS px, in HTML and inside inline SVG charts.
  const small = new Set();
  const walker2 = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker2.nextNode(); node; node = walker2.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || small.has(el) || !visible(el) || srOnly(el)) continue;
    let px;
    if (el instanceof SVGElement) {
      const text = el.closest("text") || el;
      const ctm = text.getScreenCTM();
      px = parseFloat(getComputedStyle(text).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
    } else {
      px = parseFloat(getComputedStyle(el).fontSize);
    }
    if (px < 11.95) { small.add(el); add("small-text", el, `${px.toFixed(1)}px`); }
  }

  // 4. A caption cut off: wider than what is shown of it.
  for (const cap of root.querySelectorAll("caption, figcaption")) {
    if (!visible(cap)) continue;
    const r = cap.getBoundingClientRect();
    let clipRight = edge;
    for (let e = cap.parentElement; e && e !== root; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") clipRight = Math.min(clipRight, e.getBoundingClientRect().right + 1);
    }
    if (r.right > clipRight || cap.scrollWidth > cap.clientWidth + 1) add("clipped-caption", cap, `right edge ${Math.round(r.right)} > ${Math.round(clipRight)}`);
  }
  return findings;
})()
