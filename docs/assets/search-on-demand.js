/* The search index on demand.
 *
 * Material for MkDocs requests the whole search index (search/search_index.json) as soon as a
 * page loads. With thousands of events that is megabytes on every first visit, for readers who
 * may never search. Loaded before the theme's bundle, this script holds that one request back
 * until the reader first reaches for search: focusing the search box (which the search button
 * and the keyboard shortcuts do) or opening the search overlay. A page opened from a search
 * result with highlighting (?h=...) asks for the index at once. Nothing else is touched.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var held = [];
  var wanted = /[?&]h=/.test(window.location.search);

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.briefingSearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.briefingSearchIndex || wanted) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target instanceof Element && event.target.closest(".md-search")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search" && event.target.checked) want();
  });
})();
