/* The briefing's search: the header's search box over the Pagefind index (pagefind/, written from the
 * model by build_scripts/site/search_index.py: one result per fact, landing on its anchor).
 *
 * Nothing is loaded until the reader reaches for search (focus, `/` or `s`, or an address carrying a
 * search); then pagefind.js loads only the index fragments a query needs, ten results at a time, from
 * every shard of the index (a large one comes in shards by date); the facets are counted by a second
 * Pagefind in Pagefind's worker, after the first results. Facets with counts (kind,
 * status, theme, tone, year, people, organisations) narrow the results; a facet's values are OR-ed,
 * facets AND-ed. The query, the facets and the sort are in the address (?q=…&status=…&sort=date), so
 * a filtered search can be shared, and Back goes to the previous choice. Keyboard: `/` or `s` focuses
 * the box, arrows move through the results, Enter opens one, Esc closes, and so does Tab past the search.
 */
(function () {
  "use strict";
  var FACETS = [["kind", "Kind"], ["status", "Status"], ["theme", "Theme"], ["tone", "Tone"], ["year", "Year"],
                ["person", "People"], ["organisation", "Organisations"]];
  var PAGE = 10;
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : window.location.href);  // assets/search.js -> the site's root
  var index = new URL("pagefind/", root);
  var box = document.querySelector(".briefing-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var panel = box.querySelector(".briefing-search__panel");
  var nojs = box.querySelector(".briefing-search__nojs");
  panel.insertAdjacentHTML("beforeend",  // fixed markup, no data: built here rather than carried by every page
    '<div class="briefing-search__tools"><label class="briefing-search__sort">Sort <select id="briefing-search-sort">' +
    '<option value="">by relevance</option><option value="date">newest first</option><option value="date-asc">oldest first</option>' +
    '</select></label><button type="button" class="briefing-search__facets-toggle" aria-expanded="false" ' +
    'aria-controls="briefing-search-facets">Filters</button></div>' +
    '<div class="briefing-search__facets" id="briefing-search-facets" hidden></div>' +
    '<div class="md-search-result__meta" id="briefing-search-status" role="status" aria-live="polite"></div>' +
    '<ol class="md-search-result__list briefing-search__list" id="briefing-search-results" aria-label="Search results"></ol>' +
    '<button type="button" class="briefing-search__more" hidden>More results</button>');
  input.setAttribute("aria-controls", "briefing-search-results");
  input.setAttribute("aria-describedby", "briefing-search-status");
  var facetsBox = box.querySelector(".briefing-search__facets");
  var facetsToggle = box.querySelector(".briefing-search__facets-toggle");
  var sortSelect = box.querySelector("#briefing-search-sort");
  var status = box.querySelector("#briefing-search-status");
  var list = box.querySelector(".briefing-search__list");
  var more = box.querySelector(".briefing-search__more");
  var pagefind = null, loading = null, timer = null, run = 0, shards = [];
  var allFilters = null, counting = null;  // every facet's values and the Pagefind that counts them: after the first results
  var state = { q: "", filters: {}, sort: "" };
  var results = [], shown = 0;

  nojs.hidden = true;
  input.placeholder = "Search";
  input.readOnly = false;

  function load() {
    if (!loading) {
      loading = Promise.all([import(new URL("pagefind.js", index).href),
                             fetch(new URL("pagefind-entry.json", index).href).then(function (r) { return r.json(); })])
        .then(function (loaded) {
          pagefind = loaded[0];
          shards = shardsOf(loaded[1]);
          return pagefind.options({ baseUrl: root.pathname, excerptLength: 16, noWorker: true });
        }).then(function () { return pagefind.init(); })
        .then(function () { return merge(pagefind); });
    }
    return loading;
  }

  /* A large index comes in shards by date (build_scripts/site/search_shards.py, SHARD_SIZE), each filed by
     Pagefind as a language of its own: the page's own ("en") the oldest, then en-x-s2, en-x-s3, ... */
  function shardsOf(entry) {
    var number = function (shard) { return Number(shard.split("-x-s")[1]); };
    var more = Object.keys(entry.languages || {}).filter(function (l) { return /-x-s\d+$/.test(l); })
      .sort(function (a, b) { return number(a) - number(b); });
    return more.length ? ["en"].concat(more) : [];
  }

  /* Every other shard joins the page's own; Pagefind merges only an index at another address than its
     own, so the same folder is named in full. */
  function merge(instance) {
    return Promise.all(shards.slice(1).map(function (shard) {
      return instance.mergeIndex(index.href, { language: shard, baseUrl: root.pathname, excerptLength: 16 });
    }));
  }

  /* Every facet's counts come from a second Pagefind, in Pagefind's worker, off the page's thread: once
     it holds every facet's values, Pagefind counts all of them on each search (a second or more for a
     broad query at 10,000 events), which the one that finds the results never has to do. */
  function counter() {
    if (!counting) {
      counting = load().then(function () {
        var instance = pagefind.createInstance({ basePath: index.pathname, baseUrl: root.pathname });
        return instance.init().then(function () { return merge(instance); }).then(function () {
          return instance.filters();
        }).then(function (all) {
          allFilters = all;
          return instance;
        });
      });
    }
    return counting;
  }

  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* The address <-> the state */
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FACETS.forEach(function (f) {
      var values = params.getAll(f[0]);
      if (values.length) filters[f[0]] = values;
    });
    return { q: params.get("q") || "", filters: filters, sort: params.get("sort") || "" };
  }

  function active(s) {
    return Boolean(s.q.trim()) || Object.keys(s.filters).length > 0;
  }

  function toAddress(push) {
    var url = new URL(window.location.href);
    ["q", "sort"].concat(FACETS.map(function (f) { return f[0]; })).forEach(function (k) { url.searchParams.delete(k); });
    if (active(state)) {
      if (state.q) url.searchParams.set("q", state.q);
      FACETS.forEach(function (f) {
        (state.filters[f[0]] || []).forEach(function (v) { url.searchParams.append(f[0], v); });
      });
      if (state.sort) url.searchParams.set("sort", state.sort);
    }
    if (url.href === window.location.href) return;
    if (push) window.history.pushState(null, "", url.href);
    else window.history.replaceState(window.history.state, "", url.href);
  }

  /* Searching */
  function options() {
    var filters = {};
    Object.keys(state.filters).forEach(function (k) { filters[k] = { any: state.filters[k] }; });
    var opts = { filters: filters };
    if (state.sort === "date") opts.sort = { date: "desc" };
    if (state.sort === "date-asc") opts.sort = { date: "asc" };
    return opts;
  }

  function search() {
    var mine = ++run;
    list.removeAttribute("data-query");
    facetsBox.removeAttribute("data-query");
    if (!active(state)) {
      results = []; shown = 0;
      list.replaceChildren();
      more.hidden = true;
      facetsBox.replaceChildren();
      status.textContent = "Type to search events, claims, quotes, people, organisations and sources.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    return load().then(find).then(function (found) {
      if (mine !== run || !found) return;
      results = found.results;
      shown = 0;
      list.replaceChildren();
      if (!allFilters) renderFacets(found.filters || {}, found.filters || {});  // else the counts follow in place
      var n = results.length;
      status.textContent = n === 0 ? "No matching facts" : (n === 1 ? "1 result" : n + " results");
      return showMore(mine).then(function () {
        if (mine === run) list.setAttribute("data-query", state.q);  // shown: for tests and `make bench`
        return completeFacets(mine);
      });
    }).catch(function (err) {
      if (mine === run) status.textContent = "Search could not load.";
      throw err;
    });
  }

  /* By relevance, Pagefind searches every shard and merges the results by score. By date, a shard's
     scores are its own ranks, so the shards are searched one after the other, the newest first (or the
     oldest), and their results follow each other. */
  function find() {
    var q = state.q.trim() || null, opts = options();
    if (!opts.sort || !shards.length) return pagefind.search(q, opts);
    var order = opts.sort.date === "desc" ? shards.slice().reverse() : shards;
    return order.reduce(function (done, shard) {
      return done.then(function (all) {
        var filters = Object.assign({}, opts.filters, { shard: { any: [shard] } });
        return pagefind.search(q, Object.assign({}, opts, { filters: filters })).then(function (found) {
          return all ? { results: all.results.concat(found.results), filters: add(all.filters, found.filters || {}) }
            : { results: found.results, filters: add({}, found.filters || {}) };
        });
      });
    }, Promise.resolve(null));
  }

  function add(counts, more) {
    Object.keys(more).forEach(function (name) {
      var into = counts[name] = counts[name] || {};
      Object.keys(more[name]).forEach(function (value) { into[value] = (into[value] || 0) + more[name][value]; });
    });
    return counts;
  }

  /* The first results come with the counts of the chosen facets only; every facet's counts follow. */
  function completeFacets(mine) {
    return counter().then(function (instance) {
      if (mine !== run) return null;
      return instance.search(state.q.trim() || null, options()).then(function (found) {
        if (mine !== run || !found) return;
        renderFacets(found.filters || {}, allFilters);
        facetsBox.setAttribute("data-query", state.q);  // counted: for tests
      });
    });
  }

  function showMore(mine) {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    var first = shown === batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== run) return;
      var terms = state.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
      items = items.map(function (item) { return landing(item, terms); });
      if (first) items = topicsFirst(items);
      items.forEach(function (item) { list.appendChild(resultItem(item)); });
    });
  }

  /* A prose page (the home page, the methodology) is one result, landing on the section that holds
     the most of the query's words (then their most weight), titled and excerpted from that section:
     "report an error" lands on the methodology's "Corrections and errors". Each place Pagefind found
     counts for the query word it shares the longest beginning with ("reporting": "report"). */
  function landing(item, terms) {
    var sections = item.sub_results || [];  // those with a match: the page's opening, and under headings
    if ((item.meta || {}).kind !== "Page" || !terms.length || !sections.length) return item;  // a fact: its anchor
    var words = (item.content || "").split(/[\r\n\s]+/g);
    var best = null, most = [0, 0];
    sections.forEach(function (sub) {
      var found = {};
      sub.locations.forEach(function (at) {
        var term = closest(terms, (words[at] || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
        if (term) found[term] = true;
      });
      var weight = sub.weighted_locations.reduce(function (sum, w) { return sum + w.balanced_score; }, 0);
      var count = Object.keys(found).length;
      if (count > most[0] || (count === most[0] && weight > most[1])) { best = sub; most = [count, weight]; }
    });
    if (!best || !best.anchor || best.anchor.element === "h1") return item;  // the page's opening: the page
    var meta = Object.assign({}, item.meta, { title: (item.meta || {}).title + " › " + best.title });
    return { url: best.url, excerpt: best.excerpt, meta: meta };
  }

  function closest(terms, word) {
    var best = null, longest = 0;
    terms.forEach(function (term) {
      var n = 0;
      while (n < term.length && term[n] === word[n]) n++;
      if (n > longest) { best = term; longest = n; }
    });
    return best;
  }

  /* A query that names a topic (a person, an organisation, a point of conflict: every word of the query
     in its title) gets the topic's own page first, before the facts that mention it. */
  var TOPICS = ["Person", "Organisation", "Point of conflict"];
  function topicsFirst(items) {
    var words = state.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    if (!words.length) return items;
    var named = items.filter(function (item) {
      var meta = item.meta || {};
      var title = (meta.title || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
      return TOPICS.indexOf(meta.kind) >= 0 && words.every(function (w) { return title.indexOf(w) >= 0; });
    });
    return named.concat(items.filter(function (item) { return named.indexOf(item) < 0; }));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Pagefind's excerpt with the query's words in <mark>: rebuilt as text and marks only, whatever the
     indexed text held (it is parsed in an inert document, never inserted as HTML). */
  function excerpt(html) {
    var p = element("p", "briefing-search__excerpt");
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    Array.prototype.forEach.call(parsed ? parsed.childNodes : [], function (node) {
      p.appendChild(node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
    return p;
  }

  function resultItem(item) {
    var meta = item.meta || {};
    var li = element("li", "md-search-result__item briefing-search__item");
    var link = element("a", "md-search-result__link briefing-search__link");
    link.href = new URL(item.url.replace(/^\//, ""), root).href;
    var article = element("article", "md-search-result__article md-typeset");
    var kicker = element("p", "briefing-search__kicker", [meta.kind || "Page", meta.date].filter(Boolean).join(" · "));
    /* the badge's words come with the result, as the build words the status (search_index.status_words) */
    if (meta.status) kicker.appendChild(element("span", "status status--" + meta.status.replace(/[^a-z-]/g, ""), meta.status_label || meta.status));
    article.appendChild(kicker);
    article.appendChild(element("h3", "", meta.title || item.url));
    article.appendChild(excerpt(item.excerpt || ""));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function renderFacets(counts, totals) {
    var focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.facet : null;
    var html = "";
    var chosen = 0;
    FACETS.forEach(function (f) {
      var name = f[0], picked = state.filters[name] || [];
      chosen += picked.length;
      var values = Object.keys(totals[name] || {}).concat(picked).filter(function (v, i, a) { return a.indexOf(v) === i; });
      var here = counts[name] || {};
      values = values.filter(function (v) { return here[v] > 0 || picked.indexOf(v) >= 0; });
      if (!values.length) return;
      values.sort(function (a, b) {
        if (name === "year") return b.localeCompare(a);
        return (here[b] || 0) - (here[a] || 0) || a.localeCompare(b);
      });
      html += '<fieldset class="briefing-search__facet"><legend>' + f[1] + "</legend>";
      values.slice(0, name === "person" || name === "organisation" || name === "year" ? 12 : 20).forEach(function (v) {
        var id = name + ":" + v;
        html += '<label><input type="checkbox" data-facet="' + esc(id) + '" data-name="' + esc(name) + '" value="' + esc(v) + '"' +
          (picked.indexOf(v) >= 0 ? " checked" : "") + "> " + esc(v) + ' <span class="briefing-search__count">' + (here[v] || 0) + "</span></label>";
      });
      html += "</fieldset>";
    });
    facetsBox.innerHTML = html;
    facetsToggle.textContent = chosen ? "Filters (" + chosen + ")" : "Filters";
    if (chosen && facetsBox.hidden) setFacetsOpen(true);
    if (focused) {
      var again = facetsBox.querySelector('[data-facet="' + focused.replace(/"/g, '\\"') + '"]');
      if (again) again.focus();
    }
  }

  function setFacetsOpen(open) {
    facetsBox.hidden = !open;
    facetsToggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  /* Opening and closing */
  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().catch(function () {});
  }

  /* Closing, by the reader (Esc, the overlay, the back arrow): the search leaves the address too. The
     theme also unticks the toggle when it moves to another page; that keeps the address as it is. */
  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
    if (active(state)) {
      state = { q: "", filters: {}, sort: "" };
      input.value = "";
      toAddress(false);
      search();
    }
  }

  function apply(next, push) {
    state = next;
    input.value = state.q;
    sortSelect.value = state.sort;
    toAddress(push);
    return search();
  }

  function syncFromAddress() {
    var next = fromAddress();
    if (active(next)) {
      open();
      window.setTimeout(open, 200);  // the theme closes search 125 ms after the address changes: open it again
      state = next;
      input.value = next.q;
      sortSelect.value = next.sort;
      search();
    } else if (active(state)) {
      state = next;
      input.value = "";
      search();
      close();
    }
  }

  input.addEventListener("focus", open);
  /* Focus leaving the search (Tab past its last control, Shift+Tab before the box, a click on a link
     outside it) closes it, as Esc does; moving within it (the box, sort, filters, results, "More
     results") keeps it open. A click on nothing focusable moves no focus and changes nothing. */
  document.addEventListener("focusin", function (ev) {
    if (toggle.checked && ev.target !== toggle && !box.contains(ev.target)) close();
  });
  toggle.addEventListener("change", function () {
    // the field, once the theme has shown it; unless the search closed meanwhile (Esc at once), or it has focus
    if (toggle.checked && document.activeElement !== input) {
      window.setTimeout(function () { if (toggle.checked) input.focus(); }, 0);
    }
  });
  Array.prototype.forEach.call(box.querySelectorAll("label[for=__search]"), function (label) {
    label.addEventListener("click", function (ev) {
      if (toggle.checked) { ev.preventDefault(); close(); }
    });
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      apply({ q: input.value, filters: state.filters, sort: state.sort }, false);
    }, 30);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply({ q: "", filters: {}, sort: state.sort }, true); input.focus(); }, 0);
  });
  sortSelect.addEventListener("change", function () {
    apply({ q: state.q, filters: state.filters, sort: sortSelect.value }, true);
  });
  facetsToggle.addEventListener("click", function () { setFacetsOpen(facetsBox.hidden); });
  facetsBox.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.dataset || !box.dataset.name) return;
    var filters = {};
    Object.keys(state.filters).forEach(function (k) { filters[k] = state.filters[k].slice(); });
    var values = filters[box.dataset.name] || [];
    if (box.checked) values.push(box.value);
    else values = values.filter(function (v) { return v !== box.value; });
    if (values.length) filters[box.dataset.name] = values; else delete filters[box.dataset.name];
    apply({ q: state.q, filters: filters, sort: state.sort }, true);
  });
  more.addEventListener("click", function () { showMore(run); });
  list.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("a")) {
      toggle.checked = false;  // the page moves on (instant navigation): the overlay closes, the address keeps no search
    }
  });

  /* The keyboard: `/` or `s` focuses the box; arrows move through the results; Esc closes */
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var target = ev.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!toggle.checked) {
      if (!typing && (ev.key === "/" || ev.key === "s")) {
        ev.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    if (ev.key === "Escape") {
      ev.preventDefault();
      close();
      return;
    }
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    if (target === input || at >= 0) {
      ev.preventDefault();
      var next = ev.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    }
  });

  window.addEventListener("popstate", syncFromAddress);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(syncFromAddress);
  else syncFromAddress();
})();
