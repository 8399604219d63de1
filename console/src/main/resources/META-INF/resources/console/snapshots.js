// Snapshots page: a replacing restore is confirmed by typing the target cluster's name, which the select chooses.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    const select = event.target.closest("select[data-confirm-source]");
    if (!select) {
      return;
    }
    const input = document.getElementById(select.getAttribute("data-confirm-source"));
    if (!input) {
      return;
    }
    input.setAttribute("data-confirm", select.value);
    input.value = "";
    const label = input.closest(".field").querySelector(".confirm-name");
    if (label) {
      label.textContent = select.value;
    }
    const submit = input.closest("form").querySelector("[type=submit]");
    if (submit) {
      submit.disabled = true;
    }
  });
})();
