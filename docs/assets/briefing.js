/* Print: open every collapsed block (sources, chart tables) before printing, close them after. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

/* "Copy citation" on each event: the plain-text citation plus the event's permanent address.
   One listener on the document, so it also works after Material's instant navigation. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.cite-copy") : null;
    if (!button) return;
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = button.dataset.event;
    var heading = document.getElementById(button.dataset.event);
    var title = heading ? heading.firstChild.textContent.trim() : "";
    var block = heading ? heading.nextElementSibling : null;
    var time = block ? block.querySelector("time") : null;
    var meta = document.querySelector('meta[property="og:site_name"]');
    var asOf = document.querySelector("meta[name=briefing-as-of]");
    var text = "\u201c" + title + "\u201d, " + (time ? time.textContent.trim() : "") + ". In: " +
      (meta ? meta.content : document.title) + (asOf ? " (as of " + asOf.content + ")" : "") + ". " + url.href;
    var done = function () {
      button.dataset.copied = text;
      button.textContent = "Citation copied";
      window.setTimeout(function () { button.textContent = "Copy citation"; }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("Copy this citation:", text); });
    } else {
      window.prompt("Copy this citation:", text);
    }
  });
})();

/* The review notice: the page carries the day an editor last checked for news and the review window;
   past the window, the notice is shown whenever the page is read (the site is not rebuilt daily). */
(function () {
  "use strict";
  var DAY = 86400000;
  function write(notice, windowDays) {  /* the same words as the notice the build writes (overrides/main.html) */
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Not reviewed recently";
    var text = document.createElement("p");
    text.textContent = "An editor last checked this briefing for news on " + notice.dataset.reviewedLabel +
      ", more than " + windowDays + " days ago. It covers events to " + notice.dataset.asOfLabel +
      "; later developments may be missing.";
    notice.append(title, text);
  }
  function decide() {
    Array.prototype.forEach.call(document.querySelectorAll(".currency-notice[data-reviewed]"), function (notice) {
      var reviewed = Date.parse(notice.dataset.reviewed + "T00:00:00Z");
      var windowDays = Number(notice.dataset.windowDays);
      if (!isNaN(reviewed) && !isNaN(windowDays) && Date.now() >= reviewed + (windowDays + 1) * DAY) {
        if (!notice.firstElementChild) write(notice, windowDays);
        notice.hidden = false;
      }
    });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(decide);
  } else {
    decide();
  }
})();

/* Narrowing a long list (the timeline's events, the sources): by the choices of the form above it
   (theme, status, person or organisation and year; outlet and kind), without a reload; events can also
   be read newest first. The choice is kept in the address (?theme=…&year=…), so a narrowed list can be
   shared. Without script the form stays hidden and the whole list is there. An item is its heading (an
   h2 or h3 with class "event" or "source" and a data attribute per field, e.g. data-theme="compute agi")
   and what follows it up to the next heading; a section heading (a year) is hidden when none of its items
   is shown. */
(function () {
  "use strict";
  function fields(form) {
    return Array.prototype.map.call(form.querySelectorAll("select"), function (s) { return s.name; });
  }

  function groups(form, kind) {
    var items = [], sections = [], section = null;
    for (var node = form.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && node.classList.contains(kind)) {
        var item = { heading: node, parts: [node], section: section };
        items.push(item);
        if (section) section.items.push(item);
      } else if (/^H[1-6]$/.test(node.tagName)) {
        section = { heading: node, parts: [node], items: [] };
        sections.push(section);
      } else if (items.length && (!section || items[items.length - 1].section === section)) {
        items[items.length - 1].parts.push(node);
      } else if (section) {
        section.parts.push(node);
      }
    }
    return { items: items, sections: sections };
  }

  function matches(heading, choice) {
    return Object.keys(choice).every(function (name) {
      var value = choice[name];
      return name === "order" || !value || (" " + (heading.dataset[name] || "") + " ").indexOf(" " + value + " ") >= 0;
    });
  }

  function apply(form, list, count) {
    var choice = {};
    fields(form).forEach(function (name) { choice[name] = form.elements[name].value; });
    var shown = 0;
    list.items.forEach(function (item) {
      var show = matches(item.heading, choice);
      if (show) shown += 1;
      item.parts.forEach(function (part) { part.classList.toggle("narrowed-out", !show); });
    });
    list.sections.forEach(function (section) {
      var any = section.items.some(function (item) { return !item.heading.classList.contains("narrowed-out"); });
      section.parts.forEach(function (part) { part.classList.toggle("narrowed-out", !any); });
    });
    order(list, choice.order === "newest");
    var noun = form.dataset.noun || "items";
    count.textContent = shown === list.items.length ? "Showing all " + shown + " " + noun + "." :
      "Showing " + shown + " of " + list.items.length + " " + noun + ".";
    return choice;
  }

  /* Newest first: the sections (years) and the items within them in reverse, moved as whole blocks. */
  function order(list, newest) {
    if (!!list.newest === newest || !list.items.length) return;
    list.newest = newest;
    var anchor = list.anchor;
    var blocks = list.sections.length ? list.sections : [{ parts: [], items: list.items }];
    blocks.slice().reverse().forEach(function (section) {
      section.parts.forEach(function (part) { anchor.parentNode.insertBefore(part, anchor); });
      section.items.slice().reverse().forEach(function (item) {
        item.parts.forEach(function (part) { anchor.parentNode.insertBefore(part, anchor); });
      });
      section.items.reverse();
    });
    list.sections.reverse();
  }

  /* A choice whose values the list's items name (who: each event's people and organisations, the links of
     its line with the "Copy citation" button, in the order of its heading's data-who) comes with its values
     only, in order (data-values: render/narrowing.py); its options are written here, in the items' words,
     before the form is shown. */
  function writeNamedOptions(form, list) {
    Array.prototype.forEach.call(form.querySelectorAll("select[data-values]"), function (select) {
      var words = {};
      list.items.forEach(function (item) {
        var values = (item.heading.dataset[select.name] || "").split(" ");
        item.parts.forEach(function (part) {
          if (!part.querySelector("button.cite-copy")) return;
          Array.prototype.forEach.call(part.querySelectorAll("a"), function (link, i) {
            words[values[i]] = link.textContent;
          });
        });
      });
      select.dataset.values.split(" ").forEach(function (value) { select.add(new Option(words[value], value)); });
    });
  }

  /* A chart between the page's opening and its narrowing controls (a phone screen or two on the
     timeline): the page carries a button before the chart, with its words (render/narrowing.py); here it
     is made to lead straight to the controls. */
  function jumpPastCharts(form) {
    var jump = document.querySelector("p.narrow-jump");
    var button = jump && jump.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      form.scrollIntoView({ block: "start" });
      var first = form.querySelector("select");
      if (first) first.focus({ preventScroll: true });
    });
  }

  function setup() {
    var form = document.querySelector("form.narrow");
    if (!form || form.dataset.bound) return;
    form.dataset.bound = "1";
    var count = form.parentNode.querySelector(".narrow-count");
    var list = groups(form, form.dataset.noun === "sources" ? "source" : "event");
    var last = list.items.length ? list.items[list.items.length - 1].parts : [];
    var end = last.length ? last[last.length - 1] : form;
    list.anchor = document.createComment("end of the narrowed list");
    end.parentNode.insertBefore(list.anchor, end.nextSibling);
    writeNamedOptions(form, list);
    var params = new URLSearchParams(window.location.search);
    fields(form).forEach(function (name) {
      var value = params.get(name) || "";
      var field = form.elements[name];
      if ([].some.call(field.options, function (o) { return o.value === value; })) field.value = value;
    });
    form.hidden = false;
    jumpPastCharts(form);
    var update = function () {
      var choice = apply(form, list, count);
      var url = new URL(window.location.href);
      fields(form).forEach(function (name) {
        if (choice[name]) url.searchParams.set(name, choice[name]); else url.searchParams.delete(name);
      });
      window.history.replaceState(window.history.state, "", url.href);
    };
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply(form, list, count);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();

/* Citation notes: a citation mark [n] opens, beside it, what it cites: the source line and the passage
   behind the citation (or why none was recorded), or for an event its line, status and passages.
   A prose mark's note is in the page, hidden, right after the mark; an event's marks open the matching
   item of the event's own sources list, copied after the mark; on a page that lists its notes at its end
   (the print view, under "Passages cited"), mark [n] opens the list's n-th note, copied after the mark the
   first time it opens. The note stays in the text's reading order (screen readers read it after the mark)
   and is positioned fixed, over the text, so nothing moves. It opens on hover (mouse), focus and tap; a
   click or tap keeps it open, a second one, Esc, its close button (×), a tap outside or moving focus away
   closes it; Esc and the button put the reader back on the mark. A long note scrolls within itself.
   Without script the mark is the link it always was. */
(function () {
  "use strict";
  var GAP = 6, MARGIN = 8;
  var current = null, pinned = false, timer = 0, made = 0, returning = false, files = {};

  function note(mark) {
    var next = mark.nextElementSibling;
    return next && next.classList.contains("cite-note") ? next : null;
  }
  function fromSourcesList(mark) {  /* an event's marks: the item of its "Sources" list with the same number */
    var sup = mark.parentNode, block = sup.closest("p"), heading = block;
    var index = Array.prototype.filter.call(sup.children, function (el) { return el.tagName === "A"; }).indexOf(mark);
    while (heading && !/^H\d$/.test(heading.tagName)) heading = heading.previousElementSibling;
    for (var el = block && block.nextElementSibling; el && !/^H\d$/.test(el.tagName); el = el.nextElementSibling) {
      if (el.matches("details.sources")) {
        var item = el.querySelectorAll("li")[index];
        if (!item) return null;
        var copy = document.createElement("span");
        copy.className = "cite-note";
        copy.hidden = true;
        Array.prototype.forEach.call(item.childNodes, function (n) { copy.appendChild(n.cloneNode(true)); });
        if (el.hasAttribute("data-passages")) {  /* the page's passages file has them (loadPassage) */
          copy.append(". ", span("no-passage passage-loading", "Looking up the passage\u2026"));
          copy.dataset.event = heading ? heading.id : "";
          copy.dataset.index = index;
        } else if (!copy.querySelector(".passage, .no-passage")) {
          copy.append(". ", span("no-passage", "No passage quoted."));
        }
        mark.after(copy);
        return copy;
      }
    }
    return null;
  }
  function fromListedNotes(mark) {  /* mark [n] of a page that lists its notes: the list's n-th item */
    var heading = document.getElementById("passages-cited"), list = heading && heading.nextElementSibling;
    var number = /^\[(\d+)\]$/.exec(mark.textContent.trim());
    var item = number && list && list.tagName === "OL" ? list.children[Number(number[1]) - 1] : null;
    if (!item) return null;
    var box = document.createElement("span");
    box.className = item.querySelector(".note-event") ? "cite-note cite-note--event" : "cite-note";
    box.hidden = true;
    box.listed = item;  /* copied in when it first opens (fill): most of a long list is never opened */
    mark.after(box);
    return box;
  }
  function fill(box) {
    var item = box.listed;
    if (!item) return;
    box.listed = null;
    var copy = document.createDocumentFragment();
    Array.prototype.forEach.call(item.childNodes, function (n) { copy.appendChild(n.cloneNode(true)); });
    box.querySelector(".note-close").after(copy);
  }
  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }
  function passagesFile(mark) {  /* the site's root is where the mark's sources page lives */
    var target = new URL(mark.getAttribute("href"), window.location.href).pathname;
    var root = target.slice(0, target.lastIndexOf("/sources/") + 1);
    var here = window.location.pathname.replace(/index\.html$/, "");
    if (!root || here.indexOf(root) !== 0) return null;
    return root + "assets/passages/" + (here.slice(root.length).replace(/\/$/, "") || "index") + ".json";
  }
  function loadPassage(mark, box) {
    var waiting = box.querySelector(".passage-loading");
    if (!waiting || box.dataset.loading) return;
    box.dataset.loading = "1";
    var address = passagesFile(mark);
    if (address && !files[address]) {
      files[address] = window.fetch(address).then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    (address ? files[address] : Promise.resolve({})).then(function (found) {
      var entry = (found[box.dataset.event] || [])[Number(box.dataset.index)];
      if (entry && entry.passage) {
        waiting.replaceWith(span("passage", "\u201c" + entry.passage + "\u201d"), " ", span("read-in", entry.read));
      } else {
        waiting.className = "no-passage";
        waiting.textContent = entry && entry.none ? entry.none : "No passage quoted.";
      }
      if (current === mark) place();
    });
  }
  function prepare(mark) {
    if (mark.hasAttribute("aria-controls")) return;
    var box = note(mark) || fromSourcesList(mark) || fromListedNotes(mark);
    if (!box) return;
    box.id = "cite-note-" + (++made);
    var more = document.createElement("a");
    more.className = "note-more";
    more.href = mark.getAttribute("href");
    more.textContent = box.classList.contains("cite-note--event") ? "The event on the timeline" : "The source's entry";
    box.append(" ", more);
    var close = document.createElement("button");  /* first in the note: a phone's sheet needs a way out */
    close.type = "button";
    close.className = "note-close";
    close.setAttribute("aria-label", "Close this note");
    close.textContent = "\u00d7";
    box.prepend(close);
    mark.setAttribute("aria-controls", box.id);
    mark.setAttribute("aria-expanded", "false");
  }
  function place() {
    if (!current) return;
    var box = note(current), rect = current.getBoundingClientRect();
    var width = box.offsetWidth, height = box.offsetHeight, vw = document.documentElement.clientWidth;
    var left = Math.max(MARGIN, Math.min(rect.left + rect.width / 2 - width / 2, vw - width - MARGIN));
    var top = rect.bottom + GAP;
    if (top + height > window.innerHeight - MARGIN && rect.top - GAP - height >= MARGIN) top = rect.top - GAP - height;
    box.style.left = Math.round(left) + "px";
    box.style.top = Math.round(Math.max(MARGIN, Math.min(top, window.innerHeight - height - MARGIN))) + "px";
  }
  function show(mark, pin) {
    window.clearTimeout(timer);
    if (current !== mark) hide();
    var box = note(mark);
    if (!box) return;
    current = mark;
    pinned = pinned || pin;
    fill(box);
    loadPassage(mark, box);
    box.hidden = false;
    mark.setAttribute("aria-expanded", "true");
    place();
  }
  function hide(returnFocus) {
    window.clearTimeout(timer);
    if (!current) return;
    var mark = current, box = note(mark);
    current = null;
    pinned = false;
    if (box) box.hidden = true;
    mark.setAttribute("aria-expanded", "false");
    if (returnFocus) {  /* back on the mark, which stays closed */
      returning = true;
      mark.focus();
      returning = false;
    }
  }
  function later(fn, ms) { window.clearTimeout(timer); timer = window.setTimeout(fn, ms); }
  function markOf(target) {
    return target && target.closest ? target.closest("sup.cite > a[aria-controls]") : null;
  }
  function inside(target) {  /* the open mark or its note */
    return current && target && (current.contains(target) || note(current).contains(target));
  }

  function clicked(target) {  /* the mark clicked; a tap that lands on the marks' <sup> means the one it focused */
    var mark = markOf(target), sup = target.closest ? target.closest("sup.cite") : null;
    if (!mark && sup && sup.contains(document.activeElement)) mark = markOf(document.activeElement);
    return mark;
  }

  document.addEventListener("click", function (event) {
    var mark = clicked(event.target);
    if (current && event.target.closest && event.target.closest(".note-close")) {
      event.preventDefault();
      hide(true);  /* by mouse, keyboard or touch: closed, and the reader is back on the mark */
    } else if (mark) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;  /* open the link elsewhere */
      event.preventDefault();
      event.stopPropagation();  /* before Material's instant navigation sees the link */
      if (current === mark && pinned) hide(); else show(mark, true);
    } else if (current && !inside(event.target) && !event.target.closest("sup.cite")) {
      hide();  /* a tap between two marks is not a tap outside */
    }
  }, true);
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var mark = markOf(event.target);
    if (mark) later(function () { show(mark, false); }, current ? 0 : 150);
    else if (inside(event.target)) window.clearTimeout(timer);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse") return;
    if (!current) {  /* left a mark before its note opened */
      if (markOf(event.target)) window.clearTimeout(timer);
    } else if (!pinned && inside(event.target) && !inside(event.relatedTarget)) {
      later(hide, 300);
    }
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (returning) return;
    if (mark) show(mark, false);
    else if (current && !inside(event.target)) hide();
  });
  window.addEventListener("keydown", function (event) {  /* capture: before the theme's own keys */
    if ((event.key === "Escape" || event.key === "Esc") && current) {
      var active = document.activeElement;  /* a note kept open, or one the reader is in: back on its mark */
      var back = pinned || inside(active) || !active || active === document.body;
      hide(back);
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);
  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);

  function prepareAll() {
    hide();
    Array.prototype.forEach.call(document.querySelectorAll("sup.cite > a"), prepare);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(prepareAll);
  } else {
    prepareAll();
  }
})();

/* A table wider than the screen (a phone) scrolls sideways in Material's wrapper; a keyboard reader can
   reach and scroll it too: while it overflows, the wrapper is a focusable region named by what introduces
   the table. Checked again when the window changes size or a <details> opens or closes. */
(function () {
  "use strict";
  function heading(box) {  /* the <details>' summary it sits in (a chart's data), or the heading above it */
    var summary = box.closest("details") && box.closest("details").querySelector("summary");
    if (summary) return summary.textContent.trim();
    for (var node = box.closest(".md-typeset__scrollwrap") || box; node; node = node.previousElementSibling) {
      if (/^H[2-6]$/.test(node.tagName)) return node.textContent.replace(/¶\s*$/, "").trim();
    }
    return "Table";
  }
  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__table"), function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", heading(box));
      } else if (!overflows && box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  function later() { window.requestAnimationFrame(mark); }  /* after Material has wrapped the page's tables */
  window.addEventListener("resize", later);
  document.addEventListener("toggle", later, true);  /* a table in a <details> (a chart's data) is laid out once opened */
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(later);
  } else {
    later();
  }
})();

/* The palette toggle (Material's own markup; its palette component is not mounted: see
   overrides/partials/palette.html). The page's palette was decided before its content was parsed
   (overrides/partials/javascripts/palette.html), which also defines how a palette is applied; here the
   reader switches it, and the choice is stored (__palette, as Material stores it). Transitions are held
   off for the one frame of the switch, as Material does. Enter on the focused toggle moves to the next palette, as in Material. */
(function () {
  "use strict";
  var FORM = "form[data-briefing-palette]";

  /* The palette itself is applied by the function the page's inline script defined (attributes, the toggle
     shown, theme-color and color-scheme); here only what a switch adds: no transitions for its frame, and
     the reader's choice stored. */
  function apply(index) {
    document.body.setAttribute("data-md-color-switching", "");
    var color = window.__briefing_palette(index);
    window.__md_set("__palette", { index: index, color: color });
    window.requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
  }

  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest(FORM);
    if (!form) return;
    apply(Array.prototype.indexOf.call(form.querySelectorAll("input"), event.target));
  });
  document.addEventListener("keydown", function (event) {
    var form = event.key === "Enter" && event.target.closest && event.target.closest(FORM);
    if (!form) return;
    var inputs = form.querySelectorAll("input");
    var next = inputs[(Array.prototype.indexOf.call(inputs, form.querySelector("input:checked")) + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
