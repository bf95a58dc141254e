/* What a reader sees of one drawn chart, read from the rendered SVG: every visible text with its box and
   colour, every visible data mark (marker, bar, line) with its box and colour, the plot area and the
   background. `root` is a live chart's .chart__plot, or the <svg> of a static image opened on its own. */
(root) => {
  const opacity = (el) => {
    let value = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentNode) value *= parseFloat(getComputedStyle(node).opacity || "1");
    return value;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    const sized = el.classList.contains("js-line") ? r.width > 0.5 || r.height > 0.5 : r.width > 0.5 && r.height > 0.5;
    return sized && style.display !== "none" && style.visibility !== "hidden" && opacity(el) > 0;
  };
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const paint = (el) => {
    const style = getComputedStyle(el);
    let fill = style.fill;
    if (fill.startsWith("url(")) {  /* a patterned bar: the pattern's own background is the bar's colour */
      const pattern = el.ownerDocument.getElementById(fill.match(/#([^")]+)/)[1]);
      const rect = pattern && pattern.querySelector("rect");
      fill = rect ? getComputedStyle(rect).fill : "none";
    }
    const filled = fill !== "none" && parseFloat(style.fillOpacity) > 0;
    return { colour: filled ? fill : style.stroke,
             alpha: (filled ? parseFloat(style.fillOpacity) : parseFloat(style.strokeOpacity)) * opacity(el) };
  };
  const svgs = root.tagName.toLowerCase() === "svg" ? [root] : [...root.querySelectorAll("svg.main-svg")];
  const texts = [], marks = [];
  for (const svg of svgs) {
    for (const el of svg.querySelectorAll("text")) {
      if (!el.textContent.trim() || el.closest(".hoverlayer") || !visible(el)) continue;
      texts.push({ text: el.textContent, box: box(el), ...paint(el) });
    }
    for (const el of svg.querySelectorAll(".scatterlayer .point, .barlayer .point path, .scatterlayer .js-line")) {
      if (!visible(el)) continue;
      marks.push({ kind: el.classList.contains("js-line") ? "line" : "point", box: box(el), ...paint(el) });
    }
  }
  const live = root.tagName.toLowerCase() !== "svg";
  const background = live ? getComputedStyle(svgs[0]).backgroundColor
                          : getComputedStyle(root.querySelector("rect")).fill;
  /* The plot area: the subplot's offset in the first SVG, and the size of the rectangle it is clipped to. */
  const subplot = svgs[0].querySelector(".overplot .xy");
  const clip = root.ownerDocument.getElementById(subplot.getAttribute("clip-path").match(/#([^")]+)/)[1]).querySelector("rect");
  const shift = subplot.transform.baseVal.consolidate().matrix, origin = svgs[0].getBoundingClientRect();
  const left = origin.left + shift.e, top = origin.top + shift.f;
  const plot = [left, top, left + clip.width.baseVal.value, top + clip.height.baseVal.value];
  return { texts, marks, background, plot };
}
