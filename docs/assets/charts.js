/* Charts: a static SVG first; the interactive Plotly chart on the first pointer or focus, or, on a touch
   screen, only when the reader taps the chart's own button: a swipe over a chart always scrolls the page.
   Once live on a touch screen, the chart neither pans nor zooms until the reader turns that on with the
   same button. plotly.js (the small "basic" bundle) is served from this site and loaded only when needed.
   Runs again after Material's instant navigation (document$), follows the palette toggle. */
(function () {
  "use strict";
  var plotlyPromise = null;
  /* This file is assets/charts.js; plotly.js sits beside it, whatever page we are on now. */
  var PLOTLY_URL = new URL("vendor/plotly-basic.min.js", document.currentScript.src).href;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY_URL;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  /* A phone or tablet: its finger is for scrolling until the reader asks for more. */
  function isTouch() {
    return window.matchMedia("(pointer: coarse)").matches || window.matchMedia("(hover: none)").matches;
  }

  /* Pan and zoom on or off: with them off, Plotly leaves touches to the page (it scrolls), and a tap
     still shows a point's label. */
  function axesFixed(fixed) {
    return { dragmode: fixed ? false : "pan", "xaxis.fixedrange": fixed, "yaxis.fixedrange": fixed };
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  /* The palette's theme comes with the chart's data (build_scripts/render/chart_spec.py): the same
     text, grid and background colours as the static image of that palette. */
  function theme(data) {
    return data.themes[isDark() ? "dark" : "light"];
  }

  /* The reader's tools: download a PNG, zoom, pan, and back to the start. Nothing that uploads
     the chart anywhere, and nothing that only changes how hover works. The PNG has the static
     image's layout (its width and the chart's height) at twice the scale, on the palette's
     background. */
  function config(data) {
    return {
      responsive: true, displaylogo: false, showSendToCloud: false,
      modeBarButtons: [["toImage"], ["zoom2d", "pan2d", "zoomIn2d", "zoomOut2d", "resetScale2d"]],
      toImageButtonOptions: {
        format: "png", filename: data.image.filename,
        width: data.image.width, height: data.image.height, scale: data.image.scale
      }
    };
  }

  /* Plotly turns crowded x labels upright only when they overlap by its own measure; a phone can
     still leave neighbours touching. After every drawing, labels that come closer than a small gap
     are turned upright, once (so this never loops). */
  function fitTicks(plot) {
    var boxes = Array.prototype.map.call(plot.querySelectorAll(".xtick text"), function (t) {
      return t.getBoundingClientRect();
    }).filter(function (b) { return b.width > 0; }).sort(function (a, b) { return a.left - b.left; });
    var crowded = boxes.some(function (box, i) { return i > 0 && boxes[i - 1].right + 3 > box.left; });
    if (crowded && plot._fullLayout.xaxis.tickangle !== 90) return window.Plotly.relayout(plot, { "xaxis.tickangle": 90 });
    return Promise.resolve();
  }

  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      var value = source[key];
      if (value && typeof value === "object" && !Array.isArray(value)) {
        target[key] = merge(target[key] && typeof target[key] === "object" ? target[key] : {}, value);
      } else {
        target[key] = value;
      }
    });
    return target;
  }

  function activate(figure, touch) {
    if (figure.dataset.state) return;
    figure.dataset.state = "loading";
    var plot = figure.querySelector(".chart__plot");
    var spec = fetch(new URL(figure.dataset.chartSrc, window.location.href)).then(function (r) { return r.json(); });
    Promise.all([loadPlotly(), spec]).then(function (results) {
      var Plotly = results[0], data = results[1];
      var layout = merge(data.layout, theme(data));
      delete layout.height;
      if (touch) {
        layout.dragmode = false;
        layout.xaxis = merge(layout.xaxis || {}, { fixedrange: true });
        layout.yaxis = merge(layout.yaxis || {}, { fixedrange: true });
        /* A label near the screen's edge goes where it fits, not off the screen; its long lines are
           broken between words, as Plotly never wraps a label. */
        layout.hoverlabel = merge(layout.hoverlabel || {}, { align: "left" });
        data.data.forEach(narrowLabels);
      }
      plot.replaceChildren();
      plot.chartThemes = data.themes;
      return Plotly.newPlot(plot, data.data, layout, config(data)).then(function () {
        return fitTicks(plot);
      }).then(function () {
        plot.on("plotly_afterplot", function () { fitTicks(plot); });
        figure.dataset.state = "ready";
        if (touch) offerZoom(figure, plot);
        if (figure.dataset.timeline) followPoints(figure, plot, figure.dataset.timeline, touch);
      });
    }).catch(function () { figure.dataset.state = "failed"; });
  }

  /* A point's customdata, when it stands for an event: the event's anchor on the timeline, '#id' or
     '2024/#id' (a half-year's bar has a half-year's name, and no one event). */
  function leadsToEvent(target) {
    return typeof target === "string" && target.indexOf("#") >= 0;
  }

  /* A point that stands for an event leads to it. With a mouse a click follows it, as a link would. On a
     touch screen a tap shows the point's label, and under the chart a link to that point's event, named as
     the label names it: the reader reads first and goes only if they choose. The link follows the label
     shown (Plotly's hover data, read just after the tap), not the tap's click report alone, which under a
     finger can still name the point shown before. */
  function followPoints(figure, plot, timeline, touch) {
    plot.on("plotly_click", function (event) {
      var reported = event.points && event.points[0];
      if (!touch) {
        if (reported && leadsToEvent(reported.customdata)) window.location.href = timeline + reported.customdata;
        return;
      }
      window.setTimeout(function () {
        var shown = (plot._hoverdata && plot._hoverdata[0]) || reported;
        if (shown && leadsToEvent(shown.customdata)) offerEvent(figure, timeline + shown.customdata, labelWords(shown));
      }, 60);
    });
  }

  var LABEL_LINE = 34;  /* characters: a label's line that fits a phone's screen beside its point */

  /* A trace's labels for a narrow screen: a line longer than LABEL_LINE characters on screen is broken
     between words (a bold stretch closed before the break and opened again after it). The labels as
     written are kept for the link under the chart. */
  function narrowLabels(trace) {
    if (!Array.isArray(trace.hovertext)) return;
    trace.labelsAsWritten = trace.hovertext;
    trace.hovertext = trace.hovertext.map(function (label) {
      return String(label).split("<br>").map(narrowLine).join("<br>");
    });
  }

  function narrowLine(line) {
    var shown = function (text) { return text.replace(/<[^>]*>/g, ""); };
    if (shown(line).length <= LABEL_LINE) return line;
    var lines = [""], bold = false;
    line.split(" ").forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last && shown(last + " " + word).length > LABEL_LINE) {
        if (bold) lines[lines.length - 1] = last + "</b>";
        lines.push((bold ? "<b>" : "") + word);
      } else {
        lines[lines.length - 1] = last ? last + " " + word : word;
      }
      if (word.indexOf("<b>") >= 0) bold = true;
      if (word.indexOf("</b>") >= 0) bold = false;
    });
    return lines.join("<br>");
  }

  /* The words of a point's label as written, its lines joined by ' · ' (parsed as text: nothing in it runs). */
  function labelWords(point) {
    var written = point.data && (point.data.labelsAsWritten || point.data.hovertext);
    var text = written ? written[point.pointIndex] : point.hovertext;
    var parsed = new DOMParser().parseFromString(String(text || "").replace(/<br\s*\/?>/gi, " · "), "text/html");
    return parsed.body.textContent.replace(/\s+/g, " ").trim();
  }

  function offerEvent(figure, href, words) {
    var line = figure.querySelector(".chart__chosen");
    if (!line) {
      line = document.createElement("p");
      line.className = "chart__chosen";
      line.setAttribute("aria-live", "polite");
      figure.querySelector(".chart__plot").after(line);
    }
    var link = document.createElement("a");
    link.href = href;
    link.textContent = words;
    line.replaceChildren("Open the event: ", link);
  }

  /* On a touch screen the chart's button stays, to turn pan and zoom on and off again. */
  function offerZoom(figure, plot) {
    var button = figure.querySelector(".chart__activate");
    if (!button) return;
    figure.dataset.zoom = "off";
    button.textContent = "Turn on zoom and pan";
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var on = figure.dataset.zoom !== "on";
      figure.dataset.zoom = on ? "on" : "off";
      button.textContent = on ? "Turn off zoom and pan" : "Turn on zoom and pan";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      window.Plotly.relayout(plot, axesFixed(!on));
    });
  }

  function setup() {
    document.querySelectorAll("figure.chart[data-chart-src]").forEach(function (figure) {
      if (figure.dataset.bound) return;
      figure.dataset.bound = "1";
      var touch = isTouch();
      var start = function () { activate(figure, touch); };
      if (figure.dataset.chartAuto) {
        if (document.readyState === "complete") start(); else window.addEventListener("load", start, { once: true });
        return;
      }
      var button = figure.querySelector(".chart__activate");
      if (touch && button) {
        button.addEventListener("click", start, { once: true });
        return;
      }
      ["pointerenter", "focusin", "click"].forEach(function (name) {
        figure.addEventListener(name, start, { once: true, passive: true });
      });
    });
  }

  function flatten(object, prefix, out) {
    Object.keys(object).forEach(function (key) {
      var value = object[key], name = prefix ? prefix + "." + key : key;
      if (value && typeof value === "object" && !Array.isArray(value)) flatten(value, name, out);
      else out[name] = value;
    });
    return out;
  }

  function retheme() {
    if (!window.Plotly) return;
    document.querySelectorAll("figure.chart[data-state=ready] .chart__plot").forEach(function (plot) {
      window.Plotly.relayout(plot, flatten(theme({ themes: plot.chartThemes }), "", {}));
    });
  }

  new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
