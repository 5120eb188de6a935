/* The Team view page (macros/templates/team_view.html): the reps saved in this browser, or the reps in workspace
   files chosen or dropped here, side by side: a heat map of the level ladder's behaviours, the team's levels,
   the Was that coaching? median week by week and the 1:1 commitments past due. Files are checked by
   Playbook.workspaceFile.check and only read: nothing from them is stored. Everything is written as text. */
(function (Playbook) {
  "use strict";

  var SHADES = 4;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* An element with a class and text set as text: the charts' own helper. */
  function node(name, className, text) {
    return Playbook.charts.node(name, className, text);
  }

  function repCount(count) {
    return count + (count === 1 ? " rep" : " reps");
  }

  function hidden(text) {
    return node("span", "pb-visually-hidden", text);
  }

  function byDate(a, b) {
    return a.date < b.date ? -1 : a.date > b.date ? 1 : a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0;
  }

  /* A rep's newest record of a kind and tool, or null. */
  function latest(records, kind, tool) {
    var found = records.filter(function (record) { return record.kind === kind && record.tool === tool; }).sort(byDate);
    return found.length ? found[found.length - 1] : null;
  }

  function completeResult(record) {
    var found = record && isObject(record.data.result) ? record.data.result : null;
    return found && found.complete === true && typeof found.score === "number" ? found : null;
  }

  /* ------------------------------------------------ where the team comes from */

  function workspaceTeam() {
    var ws = Playbook.workspace;
    return ws.reps().map(function (rep) { return { name: rep.name, records: ws.records({ rep: rep.id }) }; });
  }

  function readText(file) {
    return new Promise(function (resolve) {
      if (file.size > Playbook.workspaceFile.MAX_BYTES) return resolve({ error: "it is larger than 5 MB, more than any workspace file." });
      var reader = new FileReader();
      reader.onload = function () { resolve(Playbook.workspaceFile.check(reader.result)); };
      reader.onerror = function () { resolve({ error: "it can't be read." }); };
      reader.readAsText(file);
    });
  }

  /* The reps of every sound file, and a problem per file that isn't one. A rep's own export names them
     "Me", so theirs is told apart by the file it came in. */
  function filesTeam(files) {
    return Promise.all(files.map(readText)).then(function (checked) {
      var team = [];
      var problems = [];
      checked.forEach(function (outcome, i) {
        if (outcome.error) return problems.push(files[i].name + ": not read. " + outcome.error.replace(/^Nothing was imported\. /, ""));
        outcome.file.reps.forEach(function (rep) {
          team.push({ name: rep.id === "me" ? "Me, from " + files[i].name : rep.name, records: rep.records });
        });
      });
      return { team: team, problems: problems, files: files.length };
    });
  }

  /* ------------------------------------------------ the heat map */

  function cell(row, answers) {
    var td = node("td", "pb-team__cell");
    var values = row.dataset.values.split(" ").map(Number);
    var points = row.dataset.points.split(" ").map(Number);
    var answer = isObject(answers) ? answers[row.dataset.statement] : null;
    var at = isObject(answer) ? values.indexOf(answer.value) : -1;
    if (at < 0) {
      td.append(node("span", "", "\u2013"), hidden("not answered"));
      return td;
    }
    /* the handbook's rule for a reworded item: its old answer no longer counts (macros/fingerprints.py) */
    if (answer.fingerprint !== row.dataset.fingerprint) {
      td.append(node("span", "", "?"), hidden("answered before this behaviour was reworded, not counted"));
      return td;
    }
    var most = +row.dataset.most;
    td.classList.add("pb-team__cell--" + Math.round(SHADES * points[at] / most));
    td.dataset.points = String(points[at]);
    td.append(document.createTextNode(String(points[at])), hidden(" of " + most));
    return td;
  }

  function heatMap(root, team) {
    var table = root.querySelector("[data-team-heat]");
    var tool = table.dataset.tool;
    var head = table.querySelector("[data-team-heat-head]");
    while (head.children.length > 1) head.lastChild.remove();
    team.forEach(function (rep) {
      var th = node("th", "", rep.name);
      th.scope = "col";
      head.append(th);
    });
    var answers = team.map(function (rep) {
      var record = latest(rep.records, "assessment", tool);
      return record ? record.data.answers : null;
    });
    table.querySelectorAll("[data-team-level-cell]").forEach(function (th) { th.colSpan = team.length + 1; });
    table.querySelectorAll("tr[data-statement]").forEach(function (row) {
      while (row.children.length > 1) row.lastChild.remove();
      answers.forEach(function (given) { row.append(cell(row, given)); });
    });
  }

  /* ------------------------------------------------ levels, coaching checks, commitments */

  function levelChart(root, team) {
    var section = root.querySelector("[data-team-levels]");
    var levels = Array.prototype.map.call(section.querySelectorAll("[data-team-level-names] [data-level]"), function (item) {
      return { id: item.dataset.level, name: item.textContent.trim() };
    });
    var counts = [0].concat(levels.map(function () { return 0; }));
    var unassessed = 0;
    team.forEach(function (rep) {
      var found = completeResult(latest(rep.records, "assessment", section.dataset.tool));
      var number = found && isObject(found.level) ? levels.map(function (level) { return level.id; }).indexOf(found.level.id) + 1 : 0;
      if (found) counts[number] += 1;
      else unassessed += 1;
    });
    var names = ["No level yet"].concat(levels.map(function (level, i) { return (i + 1) + " " + level.name; }));
    var most = Math.max.apply(null, counts.concat([1]));
    var slot = section.querySelector("[data-chart-slot]");
    slot.textContent = "";
    slot.append(Playbook.charts.bars({
      title: "Reps at each level",
      summary: names.map(function (name, i) { return name + ": " + counts[i]; }).join("; ") + (unassessed ? "; " + unassessed + " with no complete self-assessment, not counted." : "."),
      min: 0, max: most, every: 1,
      ticks: [0, most].map(function (value) { return { value: value, label: String(value) }; }),
      points: names.map(function (name, i) { return { label: name, value: counts[i], note: String(counts[i]) }; }),
      table: { caption: "Reps at each level", columns: ["Level", "Reps"], rows: names.map(function (name, i) { return [name, String(counts[i])]; }) }
    }));
  }

  function weekStart(iso) {
    var parts = iso.split("-").map(Number);
    var day = new Date(parts[0], parts[1] - 1, parts[2], 12);
    day.setDate(day.getDate() - (day.getDay() + 6) % 7);
    return day.getFullYear() + "-" + ("0" + (day.getMonth() + 1)).slice(-2) + "-" + ("0" + day.getDate()).slice(-2);
  }

  function median(numbers) {
    var sorted = numbers.slice().sort(function (a, b) { return a - b; });
    var middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  function coachingChart(root, team) {
    var section = root.querySelector("[data-team-coaching]");
    var weeks = {};
    team.forEach(function (rep) {
      rep.records.forEach(function (record) {
        var found = record.kind === "coaching-check" && record.tool === section.dataset.tool ? completeResult(record) : null;
        if (found) (weeks[weekStart(record.date)] = weeks[weekStart(record.date)] || []).push(found.score);
      });
    });
    var points = Object.keys(weeks).sort().map(function (week) {
      var value = median(weeks[week]);
      return { label: Playbook.charts.date(week), value: value, count: weeks[week].length, note: value + "% (" + weeks[week].length + " checks)" };
    });
    var slot = section.querySelector("[data-chart-slot]");
    slot.textContent = "";
    if (!points.length) return slot.append(node("p", "pb-chart__empty", "No complete check saved for these reps yet."));
    slot.append(Playbook.charts.line({
      title: "Median Was that coaching? score, week by week",
      summary: points.length + " weeks from " + points[0].label + " to " + points[points.length - 1].label + "; the latest: " + points[points.length - 1].note + ".",
      min: 0, max: 100,
      ticks: [0, 25, 50, 75, 100].map(function (value) { return { value: value, label: value + "%" }; }),
      points: points,
      table: { caption: "Median Was that coaching? score, week by week", columns: ["Week of", "Median score", "Checks"], rows: points.map(function (point) { return [point.label, point.value + "%", String(point.count)]; }) }
    }));
  }

  /* A rep's commitments from their 1:1 records, each once (by text and due date): a later record's copy wins.
     Done is the date it was ticked (the planner writes it into the record the commitment came from); false or
     null while open. Read defensively: a record without them adds nothing. */
  function commitmentsOf(rep) {
    var found = {};
    rep.records.filter(function (record) { return record.kind === "one-to-one"; }).sort(byDate).forEach(function (record) {
      var list = Array.isArray(record.data.commitments) ? record.data.commitments : [];
      list.forEach(function (item) {
        if (!isObject(item) || typeof item.text !== "string" || !item.text.trim() || typeof item.due !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(item.due)) return;
        found[item.text + "\n" + item.due] = { rep: rep.name, text: item.text, due: item.due, done: typeof item.done === "string" };
      });
    });
    return Object.keys(found).map(function (key) { return found[key]; });
  }

  function commitments(root, team) {
    var today = Playbook.workspace.today();
    var overdue = [].concat.apply([], team.map(commitmentsOf)).filter(function (item) { return !item.done && item.due < today; });
    overdue.sort(function (a, b) { return a.due < b.due ? -1 : a.due > b.due ? 1 : 0; });
    var slot = root.querySelector("[data-team-commitments]");
    slot.textContent = "";
    if (!overdue.length) return slot.append(node("p", "", "No commitment is overdue."));
    var table = node("table");
    table.append(node("caption", "", overdue.length + " overdue " + (overdue.length === 1 ? "commitment" : "commitments")));
    var head = node("tr");
    ["Rep", "Commitment", "Due"].forEach(function (name) {
      var th = node("th", "", name);
      th.scope = "col";
      head.append(th);
    });
    var thead = node("thead");
    thead.append(head);
    var body = node("tbody");
    overdue.forEach(function (item) {
      var row = node("tr");
      var who = node("th", "", item.rep);
      who.scope = "row";
      var due = node("td");
      due.append(node("time", "", Playbook.charts.date(item.due)));
      due.firstChild.dateTime = item.due;
      row.append(who, node("td", "", item.text), due);
      body.append(row);
    });
    table.append(thead, body);
    slot.append(table);
  }

  /* ------------------------------------------------ the widget */

  function enhance(root) {
    root.dataset.ready = "true";
    root.hidden = false;
    var page = root.closest(".pb-team");
    page.querySelector("[data-team-no-js]").hidden = true;
    var form = root.querySelector("[data-team-files]");
    var input = form.querySelector("[data-team-input]");
    var status = form.querySelector("[data-team-status]");
    var problems = form.querySelector("[data-team-problems]");
    var back = form.querySelector("[data-team-workspace]");

    function show(team, about, problemList) {
      heatMap(root, team);
      levelChart(root, team);
      coachingChart(root, team);
      commitments(root, team);
      problems.textContent = "";
      (problemList || []).forEach(function (text) { problems.append(node("li", "", text)); });
      status.textContent = about;
    }

    function fromWorkspace() {
      var team = workspaceTeam();
      back.hidden = true;
      show(team, team.length ? "Showing the " + repCount(team.length) + " saved in this browser." : "No reps are saved in this browser: add them on Reps and saved answers, or choose exported files.");
    }

    function fromFiles(files) {
      if (!files.length) return;
      status.textContent = "Reading " + files.length + " files\u2026";
      filesTeam(files).then(function (read) {
        back.hidden = false;
        var fine = read.files - read.problems.length;
        var about = "Showing " + repCount(read.team.length) + " from " + fine + " of " + read.files + " files." + (read.problems.length ? " " + read.problems.length + " could not be read: see below." : "");
        show(read.team, about, read.problems);
      });
    }

    input.addEventListener("change", function () { fromFiles(Array.prototype.slice.call(input.files)); });
    form.addEventListener("dragover", function (event) {
      event.preventDefault();
      form.classList.add("pb-team__files--over");
    });
    form.addEventListener("dragleave", function () { form.classList.remove("pb-team__files--over"); });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("pb-team__files--over");
      fromFiles(Array.prototype.slice.call(event.dataTransfer.files));
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    back.addEventListener("click", function () {
      input.value = "";
      fromWorkspace();
    });
    fromWorkspace();
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("[data-team]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
