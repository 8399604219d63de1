// DR Suite console, relationship page: the lag chart, the operation dialogs' answers, the protect form's check.
(function () {
  "use strict";

  // An operation dialog's form: a refusal is shown inside the dialog; an accepted operation closes it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    const form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!form || !form.closest || !form.closest("dialog")) {
      return;
    }
    if (event.detail.xhr.status >= 400) {
      const problem = form.querySelector(".dialog-problem");
      if (problem) {
        event.detail.target = problem;
        event.detail.swapOverride = "innerHTML";
      }
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    const form = event.detail.elt;
    if (event.detail.successful && form && form.closest) {
      const dialog = form.closest("dialog");
      if (dialog && dialog.open) {
        dialog.close();
      }
    }
  });

  // The operations panel re-reads itself on every change of the relationship, but not under an open dialog: the
  // user is typing there. It catches up when the dialog closes.
  let operationsBehind = false;
  document.addEventListener("htmx:confirm", function (event) {
    const target = event.target;
    if (target && target.id === "operations" && target.querySelector("dialog[open]")) {
      event.preventDefault();
      operationsBehind = true;
    }
  });
  document.addEventListener("close", function (event) {
    const operations = document.getElementById("operations");
    if (operationsBehind && operations && event.target.tagName === "DIALOG" && operations.contains(event.target)) {
      operationsBehind = false;
      htmx.trigger(operations, "refresh");
    }
  }, true);

  // Stopping with promotion of the DR cluster needs a reason.
  document.addEventListener("change", function (event) {
    const promote = event.target.closest("input[data-requires-reason]");
    if (promote) {
      const reason = promote.form.querySelector("textarea[name=reason]");
      if (reason) {
        reason.required = promote.checked;
      }
    }
    // The protect form: the overwrite confirmation must repeat the DR cluster chosen.
    const select = event.target.closest("select");
    if (select) {
      document.querySelectorAll("input[data-confirm-follows='" + select.id + "']").forEach(function (input) {
        input.setAttribute("data-confirm", select.value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }
  });

  // The chart: lag bytes and RPO estimate over the chosen range, from the console's history.json.
  const section = document.querySelector("[data-history]");
  if (!section || typeof uPlot === "undefined") {
    return;
  }
  const chartElement = document.getElementById("lag-chart");
  let chart = null;
  const bytes = function (value) {
    if (value == null) { return "–"; }
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let scaled = value;
    let unit = 0;
    while (Math.abs(scaled) >= 1024 && unit < units.length - 1) { scaled /= 1024; unit++; }
    return unit === 0 ? value + " B" : scaled.toFixed(1) + " " + units[unit];
  };
  const seconds = function (value) {
    if (value == null) { return "–"; }
    return value < 60 ? value.toFixed(value < 10 ? 2 : 0) + " s" : Math.floor(value / 60) + " min " + Math.round(value % 60) + " s";
  };
  const summary = function (name, text) {
    const element = section.querySelector("[data-summary=" + name + "]");
    if (element) { element.textContent = text; }
  };
  function draw(history, label) {
    const data = [history.time, history.lagBytes, history.rpoSeconds];
    const width = Math.max(280, chartElement.clientWidth || 600);
    if (chart) { chart.destroy(); }
    chart = new uPlot({
      width: width, height: 260,
      series: [{}, { label: "Lag", scale: "bytes", stroke: "#2563eb", width: 2, value: function (u, v) { return bytes(v); } },
        { label: "RPO estimate", scale: "s", stroke: "#d97706", width: 2, value: function (u, v) { return seconds(v); } }],
      axes: [{}, { scale: "bytes", values: function (u, values) { return values.map(bytes); }, size: 70 },
        { scale: "s", side: 1, grid: { show: false }, values: function (u, values) { return values.map(seconds); }, size: 70 }]
    }, data, chartElement);
    summary("range", label);
    summary("points", String(history.points));
    summary("worstLag", bytes(history.worstLagBytes));
    summary("worstRpo", seconds(history.worstRpoSeconds));
    summary("latestLag", bytes(history.latestLagBytes));
    summary("latestRpo", seconds(history.latestRpoSeconds));
  }
  function load(range, label) {
    fetch(section.getAttribute("data-history") + "?range=" + encodeURIComponent(range), { headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (response.status === 499) { window.location.reload(); }
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (history) { draw(history, label); })
      .catch(function (error) { summary("points", "history not available (" + error.message + ")"); });
  }
  section.querySelectorAll("button[data-range]").forEach(function (button) {
    button.addEventListener("click", function () {
      section.querySelectorAll("button[data-range]").forEach(function (other) { other.setAttribute("aria-pressed", "false"); });
      button.setAttribute("aria-pressed", "true");
      load(button.getAttribute("data-range"), button.textContent);
    });
  });
  load("1h", "1 h");
})();
