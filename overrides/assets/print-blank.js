/* "Print blank form" on every scored form and checklist: prints that form alone and empty, for a rep to fill in
   by hand, without clearing the answers saved in this browser. The form is marked for the printout, and
   print.css hides the rest of the page and every mark, result and count while the mark is on; typed notes are
   taken out of their boxes until the print is done, since text made invisible would still be in a saved PDF. */
(function (Playbook) {
  "use strict";

  function title(form) {
    var legend = form.querySelector("legend");
    return form.dataset.title || (legend ? legend.textContent.trim() : Playbook.t("print_blank.this_form"));
  }

  /* Empties the form's typed boxes without an input event (nothing is saved), and returns what puts them back. */
  function emptyTyped(form) {
    var kept = Array.prototype.map.call(form.querySelectorAll("textarea, input:not([type=radio], [type=checkbox], [type=button], [type=submit], [type=hidden])"), function (box) {
      var value = box.value;
      var date = box.type === "date";
      box.value = "";
      if (date) box.type = "text";  /* an empty date field prints its format, not a line to write on */
      return function () {
        if (date) box.type = "date";
        box.value = value;
      };
    });
    return function () { kept.forEach(function (putBack) { putBack(); }); };
  }

  function printBlank(form) {
    var root = document.documentElement;
    var putBack = emptyTyped(form);
    form.dataset.printBlank = "";
    root.dataset.printingBlank = "";
    window.addEventListener("afterprint", function () {
      putBack();
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
