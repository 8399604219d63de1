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
