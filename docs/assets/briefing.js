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
