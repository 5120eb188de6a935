/* The rep picker above each tool (macros/templates/_rep_picker.html): whose answers the tool shows and saves,
   and a small form to add a rep. Every picker on the page follows the choice made in any of them; the tools
   reload through Playbook.workspace. Names are only ever written as text. */
(function (Playbook) {
  "use strict";

  /* `select`'s options made afresh: one per person, by id, named as text (the Reps and saved answers page's
     lists of reps use it too, as Playbook.repChoices). */
  function choices(select, people) {
    select.textContent = "";
    people.forEach(function (person) {
      var option = document.createElement("option");
      option.value = person.id;
      option.textContent = person.name;
      select.append(option);
    });
  }

  /* The select's options: Me, then the reps in the order added; set to whoever is chosen now, with a line
     saying, while it is a rep, that what is ticked here is saved as theirs (the choice follows the reader from
     page to page). */
  function fill(picker) {
    var ws = Playbook.workspace;
    var select = picker.querySelector("[data-rep-select]");
    choices(select, [{ id: "me", name: Playbook.t("rep_picker.me") }].concat(ws.reps()));
    select.value = ws.current();
    var note = picker.querySelector("[data-rep-note]");
    if (!note) return;  /* a tool that only reads */
    note.hidden = select.value === "me";
    note.textContent = note.hidden ? "" : Playbook.t("rep_picker.saved_as_rep", { name: ws.name(select.value), me: Playbook.t("rep_picker.me") });
  }

  function enhance(picker) {
    picker.dataset.ready = "true";
    picker.hidden = false;
    var ws = Playbook.workspace;
    var select = picker.querySelector("[data-rep-select]");
    var open = picker.querySelector("[data-rep-add-open]");
    var adding = picker.querySelector("[data-rep-add]");
    var input = picker.querySelector("[data-rep-name]");
    var status = picker.querySelector("[data-rep-status]");
    fill(picker);

    function showAdding(show) {
      adding.hidden = !show;
      open.setAttribute("aria-expanded", String(show));
      input.removeAttribute("aria-invalid");
      if (show) input.focus();
    }

    select.addEventListener("change", function () {
      var problem = ws.choose(select.value);
      status.textContent = problem || (select.value === "me" ? Playbook.t("rep_picker.showing_mine") : Playbook.t("rep_picker.showing_rep", { name: ws.name(select.value) }));
      if (problem) select.value = ws.current();
    });
    open.addEventListener("click", function () { showAdding(adding.hidden); });
    picker.querySelector("[data-rep-add-cancel]").addEventListener("click", function () {
      showAdding(false);
      open.focus();
    });
    adding.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        showAdding(false);
        open.focus();
      }
    });
    adding.addEventListener("submit", function (event) {
      event.preventDefault();
      var added = ws.addRep(input.value);
      var problem = added.error || ws.choose(added.rep.id);
      if (problem) {
        status.textContent = problem;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.value = "";
      showAdding(false);
      select.focus();
      status.textContent = Playbook.t("rep_picker.added", { name: added.rep.name });
    });
  }

  /* One listener for the life of the page (instant navigation keeps it): every picker shown follows. */
  document.addEventListener("playbook:rep", function () {
    document.querySelectorAll("[data-rep-picker][data-ready]").forEach(fill);
  });

  Playbook.repChoices = choices;

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("[data-rep-picker]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
