/* Writes a self-assessment's result under the form (assessment.js scores it): what to keep, what to stop,
   what to work on next and which questions to take to the next 1:1. A limit (a habit that holds a seller
   back) reads "Stop doing" when it is like the reader and "Grown out of" when it is not. */
(function (Playbook) {
  "use strict";

  Playbook.assessmentResult = function (form, model, out, result) {
    var parts = Playbook.assessmentParts;
    var el = parts.el;

    function share(row) { return row.points / row.most; }

    function describe(row, strong) {
      var text = row.text + (row.answer ? " (" + row.answer + ")" : "");
      return row.limit ? (strong ? "Grown out of: " : "Stop doing: ") + text : text;
    }

    function list(heading, rows, strong, withAdvice) {
      if (!rows.length) return;
      result.append(el("h4", heading));
      var ul = el("ul");
      rows.forEach(function (row) {
        var li = el("li", describe(row, strong));
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

    function strongest(rows) {
      return parts.weakestFirst(rows).filter(function (row) { return row.points !== null && share(row) > 0; }).reverse().slice(0, 3);
    }

    function weakest(rows) {
      return parts.weakestFirst(rows).filter(function (row) { return row.points !== null && share(row) < 1; }).slice(0, 3);
    }

    function incomplete() {
      result.append(el("h3", "Result incomplete"));
      result.append(el("p", "You have answered " + out.answered + " of " + model.rows.length + " statements. A result needs at least " + out.needed + ", so answer " + (out.needed - out.answered) + " more; until then no score, band or level is shown."));
    }

    function scored() {
      result.append(el("h3", out.headline));
      result.append(out.band.node.querySelector("[data-band-meaning]").cloneNode(true));
      list("Work on first", weakest(model.rows), false, true);
      list("Your strengths", strongest(model.rows).filter(function (row) { return share(row) === 1; }), true);
    }

    function levelsTable() {
      var table = el("table");
      table.append(el("caption", "Your score at each level"));
      var head = el("tr");
      ["Level", "Answered", "Score", "Result"].forEach(function (name) {
        var th = el("th", name);
        th.scope = "col";
        head.append(th);
      });
      table.append(head);
      out.groups.forEach(function (group, index) {
        var tr = el("tr");
        var th = el("th", index + 1 + ". " + group.name);
        th.scope = "row";
        var verdict = !group.enough ? "needs " + (model.neededPerGroup - group.answered) + " more answers" : parts.bandName(group.band);
        tr.append(th, el("td", group.answered + " of " + group.rows.length), el("td", group.score === null ? "–" : group.score + "%"), el("td", verdict));
        table.append(tr);
      });
      result.append(table);
    }

    function whyNoLevel() {
      var first = out.groups[0];
      result.append(el("p", !first.enough
        ? "Level 1 (" + first.name + ") needs at least " + model.neededPerGroup + " answers before it can count; you gave " + first.answered + "."
        : "Your answers don't reach level 1 (" + first.name + ") yet: it scores " + first.score + "%, in the band " + parts.bandName(first.band) + ". Start with the behaviours below."));
    }

    function nextSteps() {
      var index = out.level ? out.groups.indexOf(out.level) : -1;
      var target = out.groups[index + 1];
      if (out.level) {
        list("Your strongest behaviours at this level", strongest(out.level.rows), true);
        list("Your weakest behaviours at this level", weakest(out.level.rows), false);
      }
      if (target && !target.enough) result.append(el("p", "Level " + (index + 2) + " (" + target.name + ") has " + target.answered + " answers; answer at least " + model.neededPerGroup + " of its statements to see whether you have reached it."));
      if (target) list("Behaviours to work on next (" + target.name + ")", parts.weakestFirst(target.rows).slice(0, 3), false);
      if (out.level) {
        var moveUp = out.level.node.querySelector("[data-move-up]").cloneNode(true);
        result.append(moveUp);
      }
      if (target) questions(target);
    }

    function questions(target) {
      var picks = parts.questionsToDevelop(parts.weakestFirst(target.rows), parts.all(target.node, "[data-develop] > li"));
      if (!picks.length) return;
      result.append(el("h4", "Questions to take to your next 1:1"));
      var ul = el("ul");
      picks.forEach(function (li) { ul.append(li.cloneNode(true)); });
      result.append(ul);
    }

    function unanswered() {
      var missing = model.rows.filter(function (row) { return row.points === null; });
      if (!missing.length) return;
      result.append(el("h4", "Not answered yet (not counted)"));
      var ul = el("ul");
      missing.forEach(function (row) {
        var link = el("a", row.text);
        link.href = "#" + row.fieldset.id;
        var li = el("li");
        li.append(link);
        ul.append(li);
      });
      result.append(ul);
    }

    return {
      all: function () {
        if (!out.complete) incomplete();
        else if (!model.ladder) scored();
        else {
          result.append(el("h3", out.headline));
          if (!out.level) whyNoLevel();
          levelsTable();
          nextSteps();
        }
        unanswered();
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
