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

/* Narrowing a list of events (the timeline): by theme, status, person or organisation and year, oldest or
   newest first, without a reload; the choice is kept in the address (?theme=…&year=…), so a narrowed
   timeline can be shared. Without script the form stays hidden and the whole list is there. An event is
   its heading (h2 or h3 with class "event" and data-status, data-themes, data-who, data-year) and what
   follows it up to the next heading; a year's heading is hidden when none of its events is shown. */
(function () {
  "use strict";
  var FIELDS = ["order", "theme", "status", "who", "year"];

  function groups(form) {
    var events = [], sections = [], section = null;
    for (var node = form.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && node.classList.contains("event")) {
        var event = { heading: node, parts: [node], section: section };
        events.push(event);
        if (section) section.events.push(event);
      } else if (/^H[1-6]$/.test(node.tagName)) {
        section = { heading: node, parts: [node], events: [] };
        sections.push(section);
      } else if (events.length && (!section || events[events.length - 1].section === section)) {
        events[events.length - 1].parts.push(node);
      } else if (section) {
        section.parts.push(node);
      }
    }
    return { events: events, sections: sections };
  }

  function matches(heading, choice) {
    var d = heading.dataset;
    return (!choice.theme || (" " + d.themes + " ").indexOf(" " + choice.theme + " ") >= 0) &&
      (!choice.status || d.status === choice.status) &&
      (!choice.who || (" " + d.who + " ").indexOf(" " + choice.who + " ") >= 0) &&
      (!choice.year || d.year === choice.year);
  }

  function apply(form, list, count) {
    var choice = {};
    FIELDS.forEach(function (name) { choice[name] = form.elements[name].value; });
    var shown = 0;
    list.events.forEach(function (event) {
      var show = matches(event.heading, choice);
      if (show) shown += 1;
      event.parts.forEach(function (part) { part.classList.toggle("narrowed-out", !show); });
    });
    list.sections.forEach(function (section) {
      var any = section.events.some(function (event) { return !event.heading.classList.contains("narrowed-out"); });
      section.parts.forEach(function (part) { part.classList.toggle("narrowed-out", !any); });
    });
    order(list, choice.order === "newest");
    count.textContent = shown === list.events.length ? "Showing all " + shown + " events." :
      "Showing " + shown + " of " + list.events.length + " events.";
    return choice;
  }

  /* Newest first: the sections (years) and the events within them in reverse, moved as whole blocks. */
  function order(list, newest) {
    if (!!list.newest === newest || !list.events.length) return;
    list.newest = newest;
    var anchor = list.anchor;
    var blocks = list.sections.length ? list.sections : [{ parts: [], events: list.events }];
    blocks.slice().reverse().forEach(function (section) {
      section.parts.forEach(function (part) { anchor.parentNode.insertBefore(part, anchor); });
      section.events.slice().reverse().forEach(function (event) {
        event.parts.forEach(function (part) { anchor.parentNode.insertBefore(part, anchor); });
      });
      section.events.reverse();
    });
    list.sections.reverse();
  }

  function setup() {
    var form = document.querySelector("form.narrow");
    if (!form || form.dataset.bound) return;
    form.dataset.bound = "1";
    var count = form.parentNode.querySelector(".narrow-count");
    var list = groups(form);
    var last = list.events.length ? list.events[list.events.length - 1].parts : [];
    var end = last.length ? last[last.length - 1] : form;
    list.anchor = document.createComment("end of the narrowed list");
    end.parentNode.insertBefore(list.anchor, end.nextSibling);
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name) || "";
      var field = form.elements[name];
      if ([].some.call(field.options, function (o) { return o.value === value; })) field.value = value;
    });
    form.hidden = false;
    var update = function () {
      var choice = apply(form, list, count);
      var url = new URL(window.location.href);
      FIELDS.forEach(function (name) {
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
