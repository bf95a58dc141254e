/* WCAG 2.2 SC 2.5.8 Target Size (Minimum), judged on the page as the browser laid it out. A target (a link,
   button, summary, form control, a label that operates a control (around it or for it), an element with a widget role) that a
   reader can see passes when
     1. its box is at least 24 × 24 CSS px; or
     2. inline: it is laid out inline in a block whose own words are not all targets' (a link in a
        sentence, its size set by the line of text around it); or
     3. user agent: it is a form control whose size the browser's own style sheet sets, unchanged by the
        site (measured against the same control in a shadow root that no site style reaches); or
     4. spacing: a circle of 24 px diameter centred on its box meets no other target's box and no other
        undersized target's circle.
   (The SC's "equivalent" and "essential" exceptions are not claimed.) Hidden targets are left out, as the
   SC covers only what a reader can see: display none, visibility hidden, opacity 0, no size, inside a
   closed <details>, clipped away by an ancestor that hides its overflow, wholly left of or above the
   page (Material's drawer off the screen), or covered where a pointer would meet it (Material's overlay
   under an open search or drawer).
   Returns {targets, failures: [{text, path, width, height, why}]}, in document pixels. */
() => {
  const MIN = 24, RADIUS = MIN / 2, EPSILON = 0.01;
  const TARGETS = "a[href], button, summary, input:not([type=hidden]), select, textarea, label, " +
    "[role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], [role=option]";
  const sx = window.scrollX, sy = window.scrollY;
  const toPage = (r) => ({left: r.left + sx, top: r.top + sy, right: r.right + sx, bottom: r.bottom + sy});

  const clippedAway = (el, box) => {
    let {left, top, right, bottom} = box;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (["hidden", "clip"].includes(style.overflowX) || ["hidden", "clip"].includes(style.overflowY)) {
        const clip = toPage(p.getBoundingClientRect());
        if (["hidden", "clip"].includes(style.overflowX)) { left = Math.max(left, clip.left); right = Math.min(right, clip.right); }
        if (["hidden", "clip"].includes(style.overflowY)) { top = Math.max(top, clip.top); bottom = Math.min(bottom, clip.bottom); }
        if (right - left < 1 || bottom - top < 1) return true;
      }
      if (style.position === "fixed") break;
    }
    return false;
  };
  const seen = (el) => {
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return null;
    const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map(toPage);
    if (!rects.length) return null;
    const box = toPage(el.getBoundingClientRect());
    if (box.right <= 0 || box.bottom <= 0 || clippedAway(el, box)) return null;
    return {el, box, rects, width: box.right - box.left, height: box.bottom - box.top,
            cx: (box.left + box.right) / 2, cy: (box.top + box.bottom) / 2};
  };
  /* Under something else (Material's overlay while search or the drawer is open): what a pointer meets at
     the target's middle, once the target is scrolled into view, is neither it nor part of it. */
  const reached = (el) => {
    const hit = () => {
      const r = [...el.getClientRects()].sort((a, b) => b.width * b.height - a.width * a.height)[0];
      const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
      const top = document.elementFromPoint(x, y);
      return !!top && (el.contains(top) || top.contains(el) || (top.closest("label") || {}).control === el);
    };
    let result = hit();
    if (result !== true) {
      el.scrollIntoView({block: "center", inline: "nearest", behavior: "instant"});
      result = hit() === true;
    }
    return result;
  };
  const scrolled = [document.scrollingElement, ...document.querySelectorAll("*")].filter(
    (e) => e.scrollHeight > e.clientHeight || e.scrollWidth > e.clientWidth).map((e) => [e, e.scrollLeft, e.scrollTop]);
  const candidates = [...document.querySelectorAll(TARGETS)].filter((e) => e.tagName !== "LABEL" || e.control).map(seen).filter(Boolean);
  const covered = new Set(candidates.filter((t) => !reached(t.el)).map((t) => t.el));
  for (const [e, left, top] of scrolled) e.scrollTo({left, top, behavior: "instant"});
  const targets = candidates.filter((t) => !covered.has(t.el));
  const targetSet = new Set(targets.map((t) => t.el));

  const blockOf = (el) => {
    let block = el.parentElement;
    while (block && (getComputedStyle(block).display.startsWith("inline") || getComputedStyle(block).display === "contents")) {
      block = block.parentElement;
    }
    return block;
  };
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    const block = blockOf(el);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!/[\p{L}\p{N}]/u.test(node.data) || !parent.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
      let inTarget = false;
      for (let p = parent; p && p !== block.parentElement; p = p.parentElement) if (targetSet.has(p)) { inTarget = true; break; }
      if (!inTarget) return true;
    }
    return false;
  };

  const host = document.createElement("div");
  host.style.all = "initial";
  host.style.position = "absolute";
  host.style.left = "-10000px";
  document.body.append(host);
  const shadow = host.attachShadow({mode: "closed"});
  const userAgentSized = (t) => {
    const tag = t.el.tagName.toLowerCase();
    if (!["input", "select", "textarea", "button"].includes(tag)) return false;
    const plain = document.createElement(tag);
    if (tag === "input") plain.type = t.el.type;
    if (tag === "select") for (const option of t.el.options) plain.append(new Option(option.text));
    if (tag === "button") plain.textContent = t.el.textContent;
    shadow.replaceChildren(plain);
    const r = plain.getBoundingClientRect();
    return Math.abs(r.width - t.width) < 0.5 && Math.abs(r.height - t.height) < 0.5;
  };

  const related = (a, b) => a.el.contains(b.el) || b.el.contains(a.el);
  const distanceToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const undersized = targets.filter((t) => t.width < MIN - EPSILON || t.height < MIN - EPSILON);
  const spacingConflict = (t) => {
    for (const other of targets) {
      if (other === t || related(t, other)) continue;
      if (other.rects.some((r) => distanceToRect(t.cx, t.cy, r) < RADIUS - EPSILON)) return ["its circle meets the box of", other];
    }
    for (const other of undersized) {
      if (other === t || related(t, other)) continue;
      if (Math.hypot(t.cx - other.cx, t.cy - other.cy) < MIN - EPSILON) return ["its circle meets the circle of", other];
    }
    return null;
  };

  const path = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) { parts.unshift(part + "#" + node.id); break; }
      if (node.classList.length) part += "." + [...node.classList].slice(0, 2).join(".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  };
  const label = (el) => (el.innerText || el.value || el.getAttribute("aria-label") || el.title || "").replace(/\s+/g, " ").trim().slice(0, 60);
  const failures = [];
  for (const t of undersized) {
    if (inSentence(t.el) || userAgentSized(t)) continue;
    const conflict = spacingConflict(t);
    if (!conflict) continue;
    const [how, other] = conflict;
    failures.push({text: label(t.el), path: path(t.el), width: +t.width.toFixed(1), height: +t.height.toFixed(1),
                   why: `${how} "${label(other.el)}" (${path(other.el)})`});
  }
  host.remove();
  return {targets: targets.length, failures};
}
