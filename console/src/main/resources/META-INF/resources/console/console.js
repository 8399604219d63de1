// DR Suite console: the few things the server cannot do for the page.
(function () {
  "use strict";

  // Times: the server writes UTC; the page shows the browser's own zone, with UTC on hover (the title).
  const localFormat = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    timeZoneName: "short"
  });
  function localiseTimes(root) {
    root.querySelectorAll("time[datetime]:not([data-local])").forEach(function (element) {
      const instant = new Date(element.getAttribute("datetime"));
      if (!isNaN(instant)) {
        element.textContent = localFormat.format(instant);
        element.setAttribute("data-local", "");
      }
    });
  }

  // A session that ended answers a background request with 499: reload, and the browser signs in again.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });

  // The live stream: say so when it is down (htmx reconnects by itself).
  const liveState = function (text) {
    const element = document.getElementById("live-state");
    if (element) {
      element.textContent = text;
    }
  };
  // Signals sent while the stream was down are lost, so a page whose stream comes back reloads what it shows,
  // unless a confirmation dialog is open (the user's typing would be lost): then it says so instead.
  let interrupted = false;
  document.addEventListener("htmx:sseError", function () {
    interrupted = true;
    liveState("Live updates interrupted; reconnecting…");
  });
  document.addEventListener("htmx:sseOpen", function () {
    if (interrupted && !document.querySelector("dialog[open]")) {
      window.location.reload();
      return;
    }
    liveState(interrupted ? "Live updates resumed; reload the page to see what changed meanwhile." : "");
    interrupted = false;
    document.body.setAttribute("data-live", "open");
  });

  // Live regions replace themselves (outerHTML) when a signal names them. A signal that arrives while a region's
  // request is in flight (htmx queues it on the element the response then replaces), or after the swap but before
  // htmx has wired the new element (the settle), reaches no element in the page and would be lost: the region would
  // stay stale until its next signal. So the page numbers the signals as they arrive, and a region wired after
  // missing one since its last request began fetches itself again.
  let signalCount = 0;
  const lastSignal = new Map();   // signal name -> number of its latest arrival
  const requestedAt = new Map();  // a live region's hx-get -> signal number when its last request began
  htmx.createEventSource = function (url) {
    const source = new EventSource(url, { withCredentials: true });
    const counted = new Set();
    const addListener = source.addEventListener.bind(source);
    source.addEventListener = function (name, listener, options) {
      if (!counted.has(name)) {
        counted.add(name);
        addListener(name, function () { lastSignal.set(name, ++signalCount); });
      }
      addListener(name, listener, options);
    };
    return source;
  };
  function liveSignals(element) {
    const trigger = element.getAttribute && element.getAttribute("hx-trigger");
    if (!trigger || !element.getAttribute("hx-get")) {
      return [];
    }
    return trigger.split(",").map(function (part) { return part.trim(); })
      .filter(function (part) { return part.startsWith("sse:"); })
      .map(function (part) { return part.substring(4).split(/\s/)[0]; });
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (liveSignals(event.detail.elt).length > 0) {
      requestedAt.set(event.detail.elt.getAttribute("hx-get"), signalCount);
    }
  });
  document.addEventListener("htmx:afterProcessNode", function (event) {
    const element = event.target;
    const since = requestedAt.get(element.getAttribute && element.getAttribute("hx-get"));
    if (since === undefined) {
      return;
    }
    const missed = liveSignals(element).find(function (name) { return (lastSignal.get(name) || 0) > since; });
    if (missed) {
      htmx.trigger(element, "sse:" + missed);
    }
  });

  // A live region holding an open confirmation dialog is not replaced while it is open (the name the user is
  // typing would be lost with it, as soon as a relationship's lag changed): neither fetched, nor swapped when its
  // fetch began before the dialog opened. The region fetches itself once the dialog closes.
  const heldBack = new Set();
  const holdsOpenDialog = function (element) {
    return liveSignals(element).length > 0 && element.querySelector("dialog[open]") !== null;
  };
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (holdsOpenDialog(event.detail.elt)) {
      event.preventDefault();
      heldBack.add(event.detail.elt);
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (holdsOpenDialog(event.detail.elt)) {
      event.detail.shouldSwap = false;
      heldBack.add(event.detail.elt);
    }
  });
  document.addEventListener("close", function (event) {
    if (event.target.tagName !== "DIALOG") {
      return;
    }
    heldBack.forEach(function (element) {
      if (!element.isConnected) {
        heldBack.delete(element);
      } else if (!element.querySelector("dialog[open]")) {
        heldBack.delete(element);
        htmx.trigger(element, "sse:" + liveSignals(element)[0]);
      }
    });
  }, true);

  // Confirmation dialogs: <button data-dialog="id"> opens <dialog id="id">; a dialog's submit stays disabled until
  // the typed confirmation equals data-confirm of its input.
  document.addEventListener("click", function (event) {
    const opener = event.target.closest("[data-dialog]");
    if (opener && !opener.disabled) {
      const dialog = document.getElementById(opener.getAttribute("data-dialog"));
      if (dialog) {
        dialog.showModal();
      }
    }
    const closer = event.target.closest("[data-close-dialog]");
    if (closer) {
      closer.closest("dialog").close();
    }
  });
  document.addEventListener("input", function (event) {
    const input = event.target.closest("input[data-confirm]");
    if (input) {
      const form = input.closest("form");
      const submit = form && form.querySelector("[type=submit]");
      if (submit) {
        submit.disabled = input.value !== input.getAttribute("data-confirm");
      }
    }
  });

  document.addEventListener("DOMContentLoaded", function () { localiseTimes(document); });
  document.addEventListener("htmx:afterSettle", function (event) { localiseTimes(event.target); });
})();
