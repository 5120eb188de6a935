/* The "Reps and saved answers" page (macros/templates/workspace.html): the reps with how much is saved for
   each, add, export, import and delete, a deletion only after it is confirmed, and each rep's time away.
   Names and file contents are written as text, never as HTML. */
(function (Playbook) {
  "use strict";

  function button(text, hidden, action) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "md-button pb-workspace__action";
    node.textContent = text;
    if (hidden) {
      var more = document.createElement("span");
      more.className = "pb-visually-hidden";
      more.textContent = hidden;
      node.append(more);
    }
    node.addEventListener("click", action);
    return node;
  }

  function fileName(name) {
    return "playbook-" + Playbook.fileSlug(name, "rep") + "-" + Playbook.workspace.today() + ".json";
  }

  function enhance(root) {
    root.dataset.ready = "true";
    root.hidden = false;
    var ws = Playbook.workspace;
    var page = root.closest(".pb-workspace");
    var noJs = page.querySelector("[data-workspace-no-js]");
    if (noJs) noJs.hidden = true;
    var status = root.querySelector("[data-workspace-status]");
    var confirmation = confirmer(root.querySelector("[data-workspace-confirm]"));

    /* What was done, or what went wrong; and, while storage is nearly full, how to make room. */
    function say(problem, done) {
      status.textContent = problem || [done, ws.room()].filter(Boolean).join(" ");
      if (!problem) rows();
    }

    function people() {
      return [{ id: "me", name: Playbook.t("rep_picker.me") }].concat(ws.reps());
    }

    function row(person) {
      var records = ws.records({ rep: person.id });
      var last = records.reduce(function (newest, item) { return !newest || item.saved > newest.saved ? item : newest; }, null);
      var tr = document.createElement("tr");
      var who = document.createElement("th");
      who.scope = "row";
      who.textContent = person.id === "me" ? Playbook.t("workspace_page.me_row") : person.name;
      var count = document.createElement("td");
      count.textContent = String(records.length);
      var when = document.createElement("td");
      when.textContent = last ? Playbook.dates.day(last.saved.slice(0, 10), "long") : Playbook.t("workspace_page.nothing_yet");
      var actions = document.createElement("td");
      var mine = person.id === "me";
      var whose = " " + (mine ? Playbook.t("workspace_page.answers_mine") : Playbook.t("workspace_page.answers_rep", { name: person.name }));
      actions.append(button(Playbook.t("workspace_page.export"), whose, function () {
        Playbook.workspaceFile.download(Playbook.workspaceFile.exportFile([person.id]), fileName(person.id === "me" ? "my-answers" : person.name));
      }), " ", button(Playbook.t("workspace_page.delete"), whose, function (event) {
        var question = mine ? Playbook.t("workspace_page.confirm_mine", { count: records.length }) : Playbook.t("workspace_page.confirm_rep", { name: person.name, count: records.length });
        var place = people().map(function (each) { return each.id; }).indexOf(person.id);
        confirmation.ask(question, mine ? Playbook.t("workspace_page.delete_mine") : Playbook.t("workspace_page.delete_rep", { name: person.name }), event.currentTarget, function () {
          say(ws.removeRep(person.id), mine ? Playbook.t("workspace_page.deleted_mine") : Playbook.t("workspace_page.deleted_rep", { name: person.name }));
          /* the table is drawn again: focus goes to the Delete button now in the row's place, or the last row's
             (a keyboard user was left on the page's body) */
          var deletes = root.querySelectorAll("[data-workspace-rows] tr td:last-child .md-button:last-child");
          if (deletes.length) deletes[Math.min(place, deletes.length - 1)].focus();
        });
      }));
      tr.append(who, count, when, actions);
      return tr;
    }

    function rows() {
      var body = root.querySelector("[data-workspace-rows]");
      body.textContent = "";
      people().forEach(function (person) { body.append(row(person)); });
      importer.refresh();
      away.refresh();
    }

    var importer = importing(root, say);
    var away = timeAway(root, say);

    root.querySelector("[data-workspace-add]").addEventListener("submit", function (event) {
      event.preventDefault();
      var input = event.currentTarget.querySelector("input");
      var added = ws.addRep(input.value);
      if (!added.error) input.value = "";
      say(added.error, added.rep && Playbook.t("workspace_page.added", { name: added.rep.name }));
    });
    root.querySelector("[data-workspace-export-all]").addEventListener("click", function () {
      Playbook.workspaceFile.download(Playbook.workspaceFile.exportFile(people().map(function (person) { return person.id; })), fileName("workspace"));
    });
    root.querySelector("[data-workspace-clear]").addEventListener("click", function (event) {
      confirmation.ask(Playbook.t("workspace_page.confirm_all"), Playbook.t("workspace_page.delete_all"), event.currentTarget, function () {
        say(ws.clearAll(), Playbook.t("workspace_page.deleted_all"));
      });
    });
    say(null, "");
  }

  /* One question at a time under the table: the destructive button names what it deletes; Cancel (or
     Escape) puts focus back where it was, and so does the action where that button is still there. */
  function confirmer(box) {
    var yes = box.querySelector("[data-confirm-yes]");
    var no = box.querySelector("[data-confirm-no]");
    var pending = null;
    function close() {
      box.hidden = true;
      if (pending) pending.from.focus();
      pending = null;
    }
    yes.addEventListener("click", function () {
      var action = pending.action, from = pending.from;
      pending = null;
      box.hidden = true;
      if (from.isConnected) from.focus();
      action();
    });
    no.addEventListener("click", close);
    box.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    return {
      ask: function (question, confirmLabel, from, action) {
        pending = { from: from, action: action };
        box.querySelector("[data-confirm-question]").textContent = question;
        yes.textContent = confirmLabel;
        box.hidden = false;
        no.focus();
      }
    };
  }

  /* A rep's time away, or the manager's own (Playbook.timeAway: saved as an away record of the rep, or of
     "me"), listed while it is now, to come or over in the list's last data-listed-days (to check or
     correct), each removable. What happens is said beside the form. */
  function timeAway(root, say) {
    var ws = Playbook.workspace;
    var away = Playbook.timeAway;
    var form = root.querySelector("[data-workspace-away]");
    var rep = form.querySelector("[data-away-rep]");
    var from = form.querySelector("[data-away-from]");
    var back = form.querySelector("[data-away-back]");
    var list = root.querySelector("[data-away-list]");
    var status = form.querySelector("[data-away-status]");

    /* Storage refused, or done: the page's rows redrawn (say), and the words here, where the manager is. */
    function tell(problem, done) {
      if (!problem) say(null, "");
      status.textContent = problem || done;
    }

    /* The manager's own time away, said as theirs. */
    function yours(person) {
      return person.id === away.MANAGER;
    }

    function item(person, period) {
      var li = document.createElement("li");
      var dates = { name: person.name, from: Playbook.dates.day(period.from, "weekday"), back: Playbook.dates.day(period.back, "weekday") };
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "md-button pb-workspace__action";
      remove.textContent = Playbook.t("workspace_page.away_remove");
      remove.setAttribute("aria-label", yours(person) ? Playbook.t("workspace_page.away_remove_named_yours", dates) : Playbook.t("workspace_page.away_remove_named", dates));
      remove.addEventListener("click", function () {
        tell(ws.forget(person.id, period.record), yours(person) ? Playbook.t("workspace_page.away_removed_yours", dates) : Playbook.t("workspace_page.away_removed", dates));
        rep.focus();
      });
      li.append(yours(person) ? Playbook.t("workspace_page.away_item_yours", dates) : Playbook.t("workspace_page.away_item", dates), " ", remove);
      return li;
    }

    /* The manager first, then the reps. */
    function people() {
      return [{ id: away.MANAGER, name: Playbook.t("workspace_page.away_you") }].concat(ws.reps());
    }

    function refresh() {
      var reps = people();
      var chosen = rep.value;
      Playbook.repChoices(rep, reps);
      rep.value = reps.some(function (person) { return person.id === chosen; }) ? chosen : reps.length > 1 ? reps[1].id : away.MANAGER;
      if (!from.value) from.value = ws.today();
      var since = Playbook.dates.iso(Playbook.dates.number(ws.today()) - +list.dataset.listedDays);
      var coming = [];
      reps.forEach(function (person) {
        away.periods(ws.records({ rep: person.id })).forEach(function (period) {
          if (period.back > since) coming.push({ person: person, period: period });
        });
      });
      coming.sort(function (a, b) { return a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : a.person.name.localeCompare(b.person.name); });
      list.textContent = "";
      coming.forEach(function (found) { list.append(item(found.person, found.period)); });
      if (!coming.length) {
        var none = document.createElement("li");
        none.textContent = Playbook.t("workspace_page.away_none", { days: list.dataset.listedDays });
        list.append(none);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!from.value || !back.value) return tell(Playbook.t("workspace_page.away_dates"));
      if (back.value <= from.value) return tell(Playbook.t("workspace_page.away_order"));
      var person = { id: rep.value, name: ws.name(rep.value) };
      var saved = { name: person.name, from: Playbook.dates.day(from.value, "weekday"), back: Playbook.dates.day(back.value, "weekday") };
      var problem = ws.record(away.KIND, away.TOOL, { back: back.value }, from.value, rep.value);
      if (!problem) back.value = "";
      tell(problem, yours(person) ? Playbook.t("workspace_page.away_saved_yours", saved) : Playbook.t("workspace_page.away_saved", saved));
    });

    return { refresh: refresh };
  }

  /* Choose a file, see what it holds, choose whose history it goes into, import. */
  function importing(root, say) {
    var ws = Playbook.workspace;
    var form = root.querySelector("[data-workspace-import]");
    var input = form.querySelector("[data-import-file]");
    var target = form.querySelector("[data-import-target]");
    var into = form.querySelector("[data-import-into]");
    var name = form.querySelector("[data-import-name]");
    var checked = null;

    function options() {
      Playbook.repChoices(into, [{ id: "", name: Playbook.t("workspace_page.new_rep") }, { id: "me", name: Playbook.t("workspace_page.me_row") }].concat(ws.reps()));
    }

    function describe(file) {
      var count = file.reps.reduce(function (sum, rep) { return sum + rep.records.length; }, 0);
      var day = Playbook.dates.day(file.exported, "long");
      if (file.reps.length === 1) return Playbook.t("workspace_page.about_rep", { name: file.reps[0].name, count: count, date: day, handbook: file.handbook });
      return Playbook.t("workspace_page.about_reps", { reps: file.reps.length, names: file.reps.map(function (rep) { return rep.name; }).join(", "), count: count, date: day, handbook: file.handbook });
    }

    function showTarget(file) {
      checked = file;
      target.hidden = !file;
      if (!file) return;
      form.querySelector("[data-import-about]").textContent = describe(file);
      var single = file.reps.length === 1;
      into.parentNode.hidden = !single;
      options();
      name.value = single && file.reps[0].id !== "me" ? file.reps[0].name : "";
      into.dispatchEvent(new Event("change"));
      form.querySelector("[data-import-about]").setAttribute("tabindex", "-1");
      form.querySelector("[data-import-about]").focus();
    }

    into.addEventListener("change", function () {
      form.querySelector("[data-import-new]").hidden = into.value !== "" || (checked && checked.reps.length > 1);
    });

    input.addEventListener("change", function () {
      showTarget(null);
      var file = input.files[0];
      if (!file) return;
      if (file.size > Playbook.workspaceFile.MAX_BYTES) return say(Playbook.workspaceFile.TOO_LARGE);
      var reader = new FileReader();
      reader.onload = function () {
        var result = Playbook.workspaceFile.check(reader.result);
        say(result.error, "");
        if (!result.error) showTarget(result.file);
      };
      reader.onerror = function () { say(Playbook.t("workspace_page.unreadable")); };
      reader.readAsText(file);
    });

    /* Everything this browser keeps for its reps and the reader, as text: the same before and after an import of a
       file read in already, which then adds nothing. */
    function kept() {
      return JSON.stringify(ws.reps().map(function (rep) { return [rep, ws.records({ rep: rep.id })]; }).concat([ws.records({ rep: "me" })]));
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!checked) return;
      var single = checked.reps.length === 1;
      var destination = !single ? null : into.value ? { rep: into.value } : { name: name.value };
      var before = kept();
      var problem = Playbook.workspaceFile.importFile(checked, destination);
      var count = checked.reps.reduce(function (sum, rep) { return sum + rep.records.length; }, 0);
      var done = kept() === before ? Playbook.t("workspace_page.nothing_new", { count: count })
        : !single ? Playbook.t("workspace_page.imported_reps", { count: count, reps: checked.reps.length }) : into.value === "me" ? Playbook.t("workspace_page.imported_mine", { count: count }) : Playbook.t("workspace_page.imported_rep", { count: count, name: into.value ? ws.name(into.value) : name.value.trim() });
      if (!problem) {
        input.value = "";
        showTarget(null);
      }
      say(problem, done);
    });

    return { refresh: function () { if (checked) options(); } };
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("[data-workspace]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
