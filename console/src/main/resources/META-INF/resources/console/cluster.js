// Cluster page: a confirmation dialog closes once its operation is accepted; a refusal stays inside the dialog.
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (event) {
    const form = event.detail.requestConfig && event.detail.requestConfig.elt;
    const dialog = form && form.closest && form.closest("dialog");
    if (!dialog) {
      return;
    }
    if (event.detail.isError) {
      const problem = dialog.querySelector(".dialog-problem");
      if (problem) {
        event.detail.target = problem;
        event.detail.swapOverride = "innerHTML";
      }
    } else {
      const problem = dialog.querySelector(".dialog-problem");
      if (problem) {
        problem.textContent = "";
      }
      dialog.close();
      form.reset();
      form.querySelectorAll("[type=submit]").forEach(function (submit) { submit.disabled = true; });
    }
  });
})();
