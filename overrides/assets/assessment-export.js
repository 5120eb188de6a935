/* A scored form's answers, result and notes as text, JSON or CSV; an incomplete result says so in each. */
(function (Playbook) {
  "use strict";

  /* The day the answers are saved under (assessment.js keeps it on the form: a ride-along's is its call's), else
     the reader's local date, as saved records are dated (toISOString's date is UTC's, a day off near midnight). */
  function dayOf(form) {
    return form.dataset.day || Playbook.workspace.today();
  }

  /* Which of that day's calls the answers are (assessment.js keeps it on the form): 2 for the second, else null. */
  function callOf(form) {
    return +form.dataset.call || null;
  }

  function status(out) {
    return out.complete ? Playbook.t("assessment_export.complete") : Playbook.t("assessment_export.incomplete", { answered: out.answered, needed: out.needed });
  }

  /* The result as the reader sees it, then every answer. */
  function text(form, model, out, result, skip) {
    var day = Playbook.dates.day(dayOf(form), "long");
    var which = { day: day, call: callOf(form) };
    var date = !callOf(form) ? day : form.hasAttribute("data-runs") ? Playbook.t("workspace.day_run", which) : Playbook.t("workspace.day_call", which);
    var lines = [Playbook.t("assessment_export.title_date", { title: form.dataset.title, date: date })];
    if (!out.complete) lines.push(Playbook.t("assessment_export.incomplete_line", { answered: out.answered, total: model.rows.length, needed: out.needed }));
    Array.prototype.forEach.call(result.children, function (node) {
      if (node === skip) return;
      /* a table's head row (no data cell) is not a line of its own */
      var items = Array.prototype.filter.call(node.querySelectorAll("li, tr"), function (item) { return item.tagName !== "TR" || item.querySelector("td"); });
      if (!items.length) return lines.push("", node.textContent.trim());
      items.forEach(function (item) { lines.push("- " + line(item)); });
    });
    lines.push("", Playbook.t("assessment_export.answers"));
    model.rows.forEach(function (row) {
      var statement = Playbook.assessmentParts.countsAsEssential(row) ? Playbook.t("assessment_result.essential", { statement: row.text }) : row.text;
      lines.push("- " + Playbook.inSentence(statement) + ": " + (row.answer || Playbook.t("assessment_export.not_answered")));
    });
    var notes = Playbook.assessmentNotes(form).list().filter(function (note) { return note.text; });
    if (notes.length) lines.push("", Playbook.t("assessment_export.notes"));
    notes.forEach(function (note) { lines.push("- " + note.prompt + ": " + note.text); });
    return lines.join("\n");
  }

  /* A list item as its text; a table row (the level assessment's table of levels) as its cells, the first
     naming the row: "1. Order taker: 7 of 7, 100%, Established (level reached)". */
  function line(item) {
    var plain = function (node) { return node.textContent.trim().replace(/\s+/g, " "); };
    if (item.tagName !== "TR") return plain(item);
    var cells = Array.prototype.map.call(item.cells, plain).filter(Boolean);
    return cells.length > 1 ? cells[0] + ": " + cells.slice(1).join(", ") : cells.join("");
  }

  /* Each answer with the points it adds to the score: none for a habit on a level assessment, which only holds
     a level back (scoredRows in assessment.js). */
  function records(model) {
    return model.rows.map(function (row) {
      var counted = !(row.limit && model.habitLeast !== null);
      return { group: row.group, statement_id: row.id, statement: row.text, counts_as: row.limit ? "limit" : "strength", essential: Playbook.assessmentParts.countsAsEssential(row), answer: row.answer, points: counted ? row.points : null, weight: row.weight };
    });
  }

  function json(form, model, out) {
    var summary = { assessment: form.dataset.assessment, title: form.dataset.title, date: dayOf(form) };
    if (callOf(form)) summary.call = callOf(form);
    Object.assign(summary, { status: status(out), result: out.headline, score: out.complete ? out.score : null });
    if (model.ladder) summary.level = out.level ? out.level.id : null;
    if (out.rating) {
      var rating = Playbook.levelRating.of(out.rating);
      summary.rated_by = rating.rated_by;
      summary.account = rating.account;
    }
    summary.groups = out.groups.map(function (group) { return { id: group.id, answered: group.answered, score: group.score }; });
    summary.answers = records(model);
    var notes = Playbook.assessmentNotes(form).list();
    if (notes.length) summary.notes = notes;
    return JSON.stringify(summary, null, 2);
  }

  /* Quoted, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula; a number with the
     page language's decimal mark (a German spreadsheet reads "1.5" as a date) and no thousands marks. */
  function csvCell(value) {
    var number = typeof value === "number" && new Intl.NumberFormat(document.documentElement.lang || undefined, { useGrouping: false, maximumFractionDigits: 6 });
    var cell = value === null || value === undefined ? "" : number ? number.format(value) : String(value);
    if (/^[=+\-@]/.test(cell)) cell = "'" + cell;
    return '"' + cell.replace(/"/g, '""') + '"';
  }

  /* Whose answers these are: the rep chosen above the form, or the reader's own name for themselves ("Me", "Ich";
     always, on a form about the reader). */
  function who(form) {
    return Playbook.workspace.name(Playbook.workspace.whose(form));
  }

  /* Cells between the separator the language's spreadsheets read (a German Excel puts a comma-separated file
     in one column). First who, when and the result (and, on the level assessment, who rated about which account), as a header
     row and its values; then the answers. Notes follow the answers as rows of their own, in the same columns:
     group "notes", no points. */
  function csv(form, model, out) {
    var columns = ["group", "statement_id", "statement", "counts_as", "essential", "answer", "points", "weight"];
    var rows = [["form", "who", "date", "result", "status"], [form.dataset.title, who(form), dayOf(form), out.headline, status(out)]];
    if (callOf(form)) {
      rows[0].push("call");
      rows[1].push(callOf(form));
    }
    if (out.rating) {
      var rating = Playbook.levelRating.of(out.rating);
      rows[0].push("rated_by", "account");
      rows[1].push(rating.rated_by || Playbook.t("assessment_export.not_recorded"), rating.account || Playbook.t("assessment_export.not_recorded"));
    }
    rows.push(columns);
    var notes = Playbook.assessmentNotes(form).list().map(function (note) {
      return { group: "notes", statement_id: note.id, statement: note.prompt, answer: note.text };
    });
    return rows.concat(records(model).concat(notes).map(function (record) {
      return columns.map(function (column) { return record[column]; });
    })).map(function (cells) { return cells.map(csvCell).join(Playbook.t("assessment_export.separator")); }).join("\r\n");
  }

  function download(form, model, out, type) {
    // The byte order mark tells Excel the CSV is UTF-8, so "…", "é" and "×" are not garbled.
    var body = type === "json" ? json(form, model, out) : "\ufeff" + csv(form, model, out);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: type === "json" ? "application/json" : "text/csv;charset=utf-8" }));
    link.download = form.dataset.assessment + "-" + dayOf(form) + (callOf(form) ? (form.hasAttribute("data-runs") ? "-run-" : "-call-") + callOf(form) : "") + "." + type;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  Playbook.assessmentExport = { text: text, download: download };
})((window.Playbook = window.Playbook || { widgets: [] }));
