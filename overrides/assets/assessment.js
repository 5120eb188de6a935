/* Self-assessment widget: scores answers in the browser from the form's data-* attributes, shows and
   announces the result, keeps answers in this browser, and exports them. Data text in the result is
   cloned from the server-rendered form, never built from strings. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-assessment]:not([data-ready])").forEach(enhance);
  }

  function all(node, selector) {
    return Array.prototype.slice.call(node.querySelectorAll(selector));
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* Whole-number percentage of the most the answered statements could score (bands use the same
     rounded figure the reader sees); null when none is answered. */
  function percent(rows) {
    var got = 0, most = 0;
    rows.forEach(function (row) {
      if (row.points !== null) {
        got += row.weight * (row.points - row.low);
        most += row.weight * (row.high - row.low);
      }
    });
    return most ? Math.round((100 * got) / most) : null;
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("assessment", form.dataset.assessment);
    var title = form.dataset.title;
    var ladder = !!form.querySelector("[data-next-for]");
    var bands = all(form, "tr[data-band]");
    var result = form.querySelector("[data-result]");
    var live = el("p", "", "pb-assessment__summary");
    live.setAttribute("aria-live", "polite");
    result.before(live);

    var rows = all(form, "fieldset[data-statement]").map(function (fieldset) {
      var values = all(fieldset, "input[type=radio]").map(function (input) { return +input.value; });
      return {
        id: fieldset.dataset.statement,
        group: fieldset.dataset.group,
        weight: +fieldset.dataset.weight,
        text: fieldset.querySelector("[data-text]").textContent.trim(),
        fieldset: fieldset,
        low: Math.min.apply(null, values),
        high: Math.max.apply(null, values),
        points: null,
        answer: null
      };
    });
    var saved = Playbook.load(key) || {};
    var answers = saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    rows.forEach(function (row) {
      all(row.fieldset, "input").forEach(function (input) {
        input.checked = answers[row.id] === +input.value;
      });
    });

    function band(score) {
      return bands.filter(function (tr, index) {
        return score >= +tr.dataset.from && (score < +tr.dataset.to || index === bands.length - 1);
      })[0];
    }

    function read() {
      var state = {};
      rows.forEach(function (row) {
        var picked = row.fieldset.querySelector("input:checked");
        row.points = picked ? +picked.value : null;
        row.answer = picked ? picked.parentNode.textContent.trim() : null;
        if (picked) state[row.id] = row.points;
      });
      return state;
    }

    function groups() {
      var byId = {};
      var order = [];
      rows.forEach(function (row) {
        if (!byId[row.group]) order.push((byId[row.group] = { id: row.group, rows: [] }));
        byId[row.group].rows.push(row);
      });
      order.forEach(function (group) {
        group.score = percent(group.rows);
        group.band = group.score === null ? null : band(group.score);
        var heading = form.querySelector('[data-group-title="' + group.id + '"]');
        group.name = heading ? heading.dataset.name : title;
      });
      return order;
    }

    /* Answered rows from lowest to highest share of their scale; heavier statements first on ties. */
    function ranked(list) {
      return list.filter(function (row) { return row.points !== null; }).sort(function (a, b) {
        return (a.points - a.low) / (a.high - a.low) - (b.points - b.low) / (b.high - b.low) || b.weight - a.weight;
      });
    }

    function list(heading, items, withAdvice) {
      if (!items.length) return;
      result.append(el("h4", heading));
      var ul = el("ul");
      items.forEach(function (row) {
        var li = el("li", row.text + (row.answer ? " (" + row.answer + ")" : ""));
        var advice = withAdvice && row.fieldset.querySelector("[data-advice]");
        if (advice) {
          var copy = advice.cloneNode(true);
          copy.hidden = false;
          li.append(copy);
        }
        ul.append(li);
      });
      result.append(ul);
    }

    function outcome() {
      var scored = groups();
      var score = percent(rows);
      var unanswered = rows.filter(function (row) { return row.points === null; });
      if (score === null) return null;
      var out = { score: score, band: band(score), groups: scored, unanswered: unanswered };
      if (ladder) {
        /* The highest level reached; everyone stands on the first rung until a higher one is reached. */
        var reached = scored.filter(function (group) { return group.band && "reached" in group.band.dataset; });
        out.level = reached.length ? reached[reached.length - 1] : scored[0];
        var index = scored.indexOf(out.level);
        out.next = scored[index + 1] || null;
        out.headline = "Your level: " + out.level.name + " (level " + (index + 1) + " of " + scored.length + ")";
      } else {
        out.headline = form.dataset.resultName + ": " + score + "% (" + out.band.querySelector("[data-band-name]").textContent + ")";
      }
      return out;
    }

    function render() {
      var state = read();
      Playbook.save(key, { answers: state });
      var out = outcome();
      result.textContent = "";
      form.classList.toggle("pb-assessment--answered", !!out);
      result.hidden = !out;
      if (!out) {
        live.textContent = "Answer the statements above to see your result.";
        return;
      }
      var missing = out.unanswered.length;
      live.textContent = out.headline + (missing ? ". " + missing + " of " + rows.length + " unanswered, not counted." : ".");
      result.append(el("h3", out.headline));
      if (ladder) {
        var table = el("table");
        table.append(el("caption", "Your score at each level"));
        out.groups.forEach(function (group) {
          var tr = el("tr");
          tr.append(el("th", group.name), el("td", group.score === null ? "not answered" : group.score + "%"), el("td", group.band ? group.band.querySelector("[data-band-name]").textContent : ""));
          table.append(tr);
        });
        result.append(table);
        var here = ranked(out.level.rows);
        list("Your strongest behaviours at this level", here.filter(function (row) { return row.points > row.low; }).reverse().slice(0, 3));
        list("Your weakest behaviours at this level", here.filter(function (row) { return row.points < row.high; }).slice(0, 3));
        if (out.next) list("Behaviours to work on next (" + out.next.name + ")", ranked(out.next.rows).concat(out.next.rows.filter(function (row) { return row.points === null; })).slice(0, 3));
        var next = form.querySelector('[data-next-for="' + out.level.id + '"]').cloneNode(true);
        next.hidden = false;
        next.removeAttribute("data-next-for");
        result.append(next);
      } else {
        result.append(out.band.querySelector("[data-band-meaning]").cloneNode(true));
        list("Work on first", ranked(rows).filter(function (row) { return row.points < row.high; }).slice(0, 3), true);
        list("Your strengths", ranked(rows).reverse().filter(function (row) { return row.points === row.high; }).slice(0, 3));
      }
      if (missing) {
        result.append(el("h4", "Not answered yet (not counted)"));
        var ul = el("ul");
        out.unanswered.forEach(function (row) {
          var link = el("a", row.text);
          link.href = "#" + row.fieldset.id;
          var li = el("li");
          li.append(link);
          ul.append(li);
        });
        result.append(ul);
      }
      var actions = el("p", "", "pb-assessment__actions");
      [["Copy as text", copyText], ["Download JSON", function () { download(out, "json"); }], ["Download CSV", function () { download(out, "csv"); }], ["Clear answers", clear]].forEach(function (action) {
        var button = el("button", action[0], "md-button");
        button.type = "button";
        button.addEventListener("click", action[1]);
        actions.append(button);
      });
      result.append(actions);

      function copyText() {
        var lines = [title + " (" + today() + ")"];
        Array.prototype.forEach.call(result.children, function (node) {
          if (node === actions) return;
          var items = all(node, "li, tr");
          if (!items.length) return lines.push("", node.textContent.trim());
          items.forEach(function (item) { lines.push("- " + item.textContent.trim().replace(/\s+/g, " ")); });
        });
        lines.push("", "Answers:");
        rows.forEach(function (row) { lines.push("- " + row.text + ": " + (row.answer || "not answered")); });
        Playbook.copy(lines.join("\n"), live);
      }
    }

    function clear() {
      all(form, "input[type=radio]").forEach(function (input) { input.checked = false; });
      render();
      form.querySelector("input").focus();
    }

    function download(out, type) {
      var records = rows.map(function (row) {
        return { group: row.group, statement_id: row.id, statement: row.text, answer: row.answer, points: row.points, weight: row.weight };
      });
      var body;
      if (type === "json") {
        var summary = { assessment: form.dataset.assessment, title: title, date: today(), result: out.headline, score: out.score };
        if (ladder) summary.level = out.level.id;
        summary.groups = out.groups.map(function (group) { return { id: group.id, score: group.score }; });
        summary.answers = records;
        body = JSON.stringify(summary, null, 2);
      } else {
        var columns = ["group", "statement_id", "statement", "answer", "points", "weight"];
        body = [columns].concat(records.map(function (record) {
          return columns.map(function (column) { return record[column]; });
        })).map(function (cells) { return cells.map(csvCell).join(","); }).join("\r\n");
      }
      var link = el("a");
      link.href = URL.createObjectURL(new Blob([body], { type: type === "json" ? "application/json" : "text/csv" }));
      link.download = form.dataset.assessment + "-" + today() + "." + type;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
    }

    form.addEventListener("change", render);
    render();
  }

  /* Quoted, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula. */
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
