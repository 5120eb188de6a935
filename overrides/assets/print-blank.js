/* "Print blank form" on every scored form and checklist: prints that form alone and empty, for a rep to fill in
   by hand, without clearing the answers saved in this browser. The form is only marked for the printout;
   print.css hides the rest of the page and every answer, result and count while the mark is on. */
(function (Playbook) {
  "use strict";

  function title(form) {
    var legend = form.querySelector("legend");
    return form.dataset.title || (legend ? legend.textContent.trim() : Playbook.t("print_blank.this_form"));
  }

  function printBlank(form) {
    var root = document.documentElement;
    form.dataset.printBlank = "";
    root.dataset.printingBlank = "";
    window.addEventListener("afterprint", function () {
      delete form.dataset.printBlank;
      delete root.dataset.printingBlank;
    }, { once: true });
    window.print();
  }

  function enhance(form) {
    form.dataset.printBlankReady = "";
    var bar = document.createElement("p");
    bar.className = "pb-print-blank";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = Playbook.t("print_blank.button");
    button.setAttribute("aria-label", Playbook.t("print_blank.label", { form: title(form) }));
    button.addEventListener("click", function () { printBlank(form); });
    bar.append(button);
    form.append(bar);
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form:is([data-assessment], [data-checklist]):not([data-print-blank-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
