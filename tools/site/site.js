// The course site's one script (loaded with `defer`): draws the interactive charts.
//
// plotly.js is 4.7 MB, so it is fetched only when the first chart comes near the screen, and a
// chart is drawn only when it does. On a narrow screen a chart is re-laid out: subplots stacked,
// legend below, tighter margins. A Plotly slider is drawn in SVG and cannot take the keyboard
// focus, so each one gets a native range input beside it that drives the same steps.
(function () {
  "use strict";
  const NARROW = 600;
  let loading = null;

  function loadPlotly() {
    if (globalThis.Plotly) return Promise.resolve(globalThis.Plotly);
    loading = loading || new Promise(function (resolve, reject) {
      const s = document.createElement("script");
      s.src = "plotly.min.js";
      s.onload = function () {
        resolve(globalThis.Plotly);
      };
      s.onerror = reject;
      document.head.appendChild(s);
    });
    return loading;
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /** Breaks a title into lines of at most `chars` characters (Plotly never wraps a title). */
  function wrap(text, chars) {
    if (typeof text !== "string" || text.length <= chars || text.indexOf("<br") >= 0) return text;
    const lines = [""];
    text.split(" ").forEach(function (word) {
      const line = lines[lines.length - 1];
      if (line && (line + " " + word).length > chars) lines.push(word);
      else lines[lines.length - 1] = line ? line + " " + word : word;
    });
    return lines.join("<br>");
  }

  /** Re-lays a figure out for a screen `width` pixels wide. */
  function forWidth(layout, traces, width) {
    const out = clone(layout || {});
    out.autosize = true;
    delete out.width;
    if (width >= NARROW) return out;
    out.font = Object.assign({}, out.font, { size: 12 });
    const title = typeof out.title === "string" ? { text: out.title } : out.title;
    if (title) {
      out.title = Object.assign({}, title, {
        text: wrap(title.text, Math.floor(width / 8)),
        x: 0.01,
        xanchor: "left",
        font: { size: 14 },
      });
    }
    const grid = out.grid;
    let stacked = 1;
    if (grid && (grid.columns || 1) > 1) {
      stacked = (grid.rows || 1) * grid.columns;
      out.grid = Object.assign({}, grid, { rows: stacked, columns: 1, ygap: 0.35 });
      Object.keys(out).forEach(function (key) {
        if (/^[xy]axis\d*$/.test(key) && out[key]) delete out[key].domain;
      });
    }
    let height = typeof out.height === "number" ? out.height : 420;
    if (stacked > 1) height = Math.max(height, 260 * stacked + 120);
    const legend = (traces || []).filter(function (t) {
          return t.showlegend !== false && t.name;
        }).length > 1 && out.showlegend !== false;
    const margin = Object.assign({}, out.margin);
    margin.l = Math.min(margin.l === undefined ? 80 : margin.l, 52);
    margin.r = Math.min(margin.r === undefined ? 80 : margin.r, 12);
    const titleLines = out.title && typeof out.title.text === "string"
      ? out.title.text.split("<br>").length
      : 0;
    margin.t = Math.max(margin.t === undefined ? 100 : margin.t, 40 + 20 * titleLines);
    if (legend) {
      out.legend = Object.assign({}, out.legend, {
        orientation: "h",
        x: 0,
        xanchor: "left",
        yref: "container",
        y: 0,
        yanchor: "bottom",
      });
      margin.b = (margin.b === undefined ? 80 : margin.b) + 70;
      height += 70;
    }
    out.margin = margin;
    out.height = height;
    (out.sliders || []).forEach(function (slider) {
      slider.x = 0;
      slider.len = 1;
      slider.currentvalue = Object.assign({}, slider.currentvalue, { font: { size: 12 } });
    });
    return out;
  }

  /** A native range input that drives slider `k` of the chart in `el`. */
  function keyboardSlider(Plotly, el, slider, k) {
    const steps = slider.steps || [];
    if (steps.length < 2) return;
    const prefix = ((slider.currentvalue || {}).prefix || "").trim();
    const wrap = document.createElement("div");
    wrap.className = "chart-slider";
    const label = document.createElement("label");
    const input = document.createElement("input");
    const shown = document.createElement("output");
    input.type = "range";
    input.min = "0";
    input.max = String(steps.length - 1);
    input.step = "1";
    input.value = String(slider.active || 0);
    input.setAttribute(
      "aria-label",
      (prefix ? prefix.replace(/[=:]\s*$/, "").trim() : "step") +
        " (keyboard control of the chart)",
    );
    function text(i) {
      return (prefix ? prefix + " " : "") + (steps[i].label !== undefined ? steps[i].label : i);
    }
    shown.textContent = text(Number(input.value));
    label.appendChild(input);
    label.appendChild(shown);
    wrap.appendChild(label);
    el.insertAdjacentElement("afterend", wrap);
    input.addEventListener("input", function () {
      const i = Number(input.value);
      const step = steps[i];
      shown.textContent = text(i);
      if (step.method && step.method !== "skip" && typeof Plotly[step.method] === "function") {
        Plotly[step.method].apply(null, [el].concat(clone(step.args || [])));
      }
      const update = {};
      update["sliders[" + k + "].active"] = i;
      Plotly.relayout(el, update);
    });
    el.on("plotly_sliderchange", function (event) {
      if (event && event.slider === el.layout.sliders[k]) {
        input.value = String(event.step._index);
        shown.textContent = text(event.step._index);
      }
    });
  }

  function draw(el) {
    const source = el.parentNode.querySelector("script.plotly-figure");
    if (!source || el.dataset.drawn) return;
    el.dataset.drawn = "yes";
    const fig = JSON.parse(source.textContent);
    loadPlotly().then(function (Plotly) {
      el.innerHTML = "";
      const config = Object.assign({ displaylogo: false }, fig.config, { responsive: true });
      const layout = forWidth(fig.layout, fig.data, el.clientWidth);
      return Plotly.newPlot(el, fig.data, layout, config).then(function () {
        if (fig.frames) return Plotly.addFrames(el, fig.frames);
      }).then(function () {
        (layout.sliders || []).forEach(function (s, k) {
          keyboardSlider(Plotly, el, s, k);
        });
        el.classList.add("drawn");
      });
    }).catch(function (error) {
      console.error("chart not drawn: " + error);
    });
  }

  const charts = Array.prototype.slice.call(document.querySelectorAll(".course-plotly"));
  if (!("IntersectionObserver" in globalThis)) {
    charts.forEach(draw);
    return;
  }
  const observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: "800px 0px" });
  charts.forEach(function (el) {
    observer.observe(el);
  });
})();
