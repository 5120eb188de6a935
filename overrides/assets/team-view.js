/* The Team view page (macros/templates/team_view.html): the reps saved in this browser, or the reps in workspace
   files chosen or dropped here, side by side: a heat map of the level ladder's behaviours, the team's levels,
   the Was that coaching? median week by week with a small chart per rep, each rep's last 1:1 against the
   coaching rhythm, and the 1:1 commitments past due (what a 1:1's records mean is commitments.js's).
   A rep in several files is one rep (teamOf). Files are checked by Playbook.workspaceFile.check and only
   read: nothing from them is stored. Everything is written as text. */
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

  function hidden(text) {
    return node("span", "pb-visually-hidden", text);
  }

  function completeResult(record) {
    var found = record && isObject(record.data.result) ? record.data.result : null;
    return found && found.complete === true && typeof found.score === "number" ? found : null;
  }

  /* The self-assessment a rep is shown by, in the heat map and the levels alike: the newest complete one (a
     form started today and left half-answered doesn't hide it), else the newest started; null if none. A
     rep's records come oldest first, as the workspace keeps them (Playbook.workspace.combine). */
  function assessmentOf(records, tool) {
    var found = records.filter(function (record) { return record.kind === "assessment" && record.tool === tool; });
    var complete = found.filter(completeResult);
    return complete.length ? complete[complete.length - 1] : found.length ? found[found.length - 1] : null;
  }

  /* ------------------------------------------------ where the team comes from */

  /* Reps side by side in one order whatever order the files came in: by name, as a team list reads. */
  function byName(a, b) {
    return a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true });
  }

  /* The reps saved in this browser, each with the manager's own leave saved here (managerAway): a team read
     from files has none, as whose manager exported them is not known. */
  function workspaceTeam() {
    var ws = Playbook.workspace;
    var managerAway = ws.records({ rep: Playbook.timeAway.MANAGER, kind: Playbook.timeAway.KIND });
    return ws.reps().map(function (rep) { return { id: rep.id, name: rep.name, added: rep.added, records: ws.records({ rep: rep.id }), managerAway: managerAway }; }).sort(byName);
  }

  function readText(file) {
    return new Promise(function (resolve) {
      if (file.size > Playbook.workspaceFile.MAX_BYTES) return resolve({ error: Playbook.t("team_view.too_large") });
      var reader = new FileReader();
      reader.onload = function () { resolve(Playbook.workspaceFile.check(reader.result)); };
      reader.onerror = function () { resolve({ error: Playbook.t("team_view.unreadable") }); };
      reader.readAsText(file);
    });
  }

  /* Which column a file's rep goes in: by name, the workspace's rule for one rep (Playbook.workspace.sameName,
     whose key this is). Not by id: ids are made at random in each browser, so the rep's own browser and each
     manager's give one person different ids. A rep's own export calls them "me", which says nothing about
     who they are: it keeps a column of its own, named by its file, until the manager says whose it is. */
  function columnKey(rep, fileIndex) {
    return rep.id === "me" ? "me " + fileIndex : "rep " + Playbook.workspace.cleanName(rep.name).toLowerCase();
  }

  /* Adds a file's records to a column by the workspace's own rule (Playbook.workspace.combine), as importing
     both files would: a copy with the same answers is a duplicate; other answers for the same form and day
     are the same form saved again, and the one saved later stays. The column tallies both. */
  function addRecords(column, records) {
    column.records = Playbook.workspace.combine(column.records, records, true, column);
  }

  /* What merging did to a rep found in several files, e.g. "Priya: 2 files merged, 3 duplicate records skipped." */
  function mergeNote(column) {
    var merged = column.duplicates ? Playbook.t("team_view.merge_skipped", { name: column.name, files: column.files.length, count: column.duplicates }) : Playbook.t("team_view.merge_clean", { name: column.name, files: column.files.length });
    return column.differed ? Playbook.t("team_view.merge_differed", { merged: merged, count: column.differed }) : Playbook.t("team_view.merge_note", { merged: merged });
  }

  /* A file's name, with its place among the files when two have that name (two reps' "my-answers.json"). */
  function fileName(files, i) {
    var same = files.filter(function (file) { return file.name === files[i].name; }).length;
    return same > 1 ? Playbook.t("team_view.file_number", { name: files[i].name, number: i + 1 }) : files[i].name;
  }

  /* Each file checked: [{file} or {error}], in the files' order. */
  function readFiles(files) {
    return Promise.all(files.map(readText));
  }

  /* The team in the files: a rep named in several files merged into one, and a rep's own export ("me") in
     the column of the rep `owners` says it is ({"me 2": "rep priya"}, as the manager chose), else in its
     own. Also a problem per file that isn't sound, a note per merged rep, the own exports (to ask whose
     they are) and the named reps (the answers). */
  function teamOf(files, checked, owners) {
    var names = {};
    checked.forEach(function (outcome) {
      (outcome.file ? outcome.file.reps : []).forEach(function (rep) {
        if (rep.id !== "me") names[columnKey(rep)] = names[columnKey(rep)] || Playbook.workspace.cleanName(rep.name);
      });
    });
    var columns = {};
    var problems = [];
    var own = [];
    checked.forEach(function (outcome, i) {
      if (outcome.error) return problems.push(Playbook.t("team_view.not_read", { file: files[i].name, problem: outcome.problem || outcome.error }));
      outcome.file.reps.forEach(function (rep) {
        /* a whole workspace's file has its manager as "me", often with nothing saved: no column for nobody */
        if (rep.id === "me" && !rep.records.length) return;
        var key = columnKey(rep, i);
        if (rep.id === "me") own.push({ key: key, file: fileName(files, i) });
        var into = names[owners[key]] ? owners[key] : key;
        var column = columns[into] = columns[into] || { name: names[into] || Playbook.t("team_view.me_from", { file: fileName(files, i) }), added: null, files: [], records: [], duplicates: 0, differed: 0 };
        if (column.files.indexOf(i) < 0) column.files.push(i);
        /* the earliest day a manager added the rep; a rep's own export dates "me" the day it was made */
        if (rep.id !== "me" && (!column.added || rep.added < column.added)) column.added = rep.added;
        addRecords(column, rep.records);
      });
    });
    var team = Object.keys(columns).map(function (key) { return columns[key]; }).sort(byName);
    var merged = team.filter(function (column) { return column.files.length > 1; }).map(mergeNote);
    var named = Object.keys(names).map(function (key) { return { key: key, name: names[key] }; }).sort(byName);
    return { team: team, problems: problems, merged: merged, own: own, named: named, files: files.length };
  }

  /* ------------------------------------------------ the heat map */

  /* `answers`: the rep's self-assessment answers; null when they have none at all. */
  function cell(row, answers) {
    var td = node("td", "pb-team__cell");
    var values = row.dataset.values.split(" ").map(Number);
    var points = row.dataset.points.split(" ").map(Number);
    var answer = isObject(answers) ? answers[row.dataset.statement] : null;
    var at = isObject(answer) ? values.indexOf(answer.value) : -1;
    if (at < 0) {
      td.append(node("span", "", "\u2013"), hidden(answers ? Playbook.t("team_view.not_answered") : Playbook.t("team_view.no_assessment")));
      return td;
    }
    /* the handbook's rule for a reworded item: its old answer no longer counts (macros/fingerprints.py) */
    if (answer.fingerprint !== row.dataset.fingerprint) {
      td.append(node("span", "", "?"), hidden(Playbook.t("team_view.reworded")));
      return td;
    }
    var most = +row.dataset.most;
    /* A habit not there at all is shaded grey, answered but neutral: its absence is no strength, and a manager
       read a habit that never arises ("Not like me" everywhere) as the team's greenest row; left white, another
       read it as not answered. */
    var absent = row.dataset.countsAs === "limit" && points[at] === most;
    /* Rounded down, so a shade never overstates: "Mostly like me" (2 of 3) is the middle shade, short of the
       share a level needs. */
    td.classList.add(absent ? "pb-team__cell--absent" : "pb-team__cell--" + Math.floor(SHADES * points[at] / most));
    td.dataset.points = String(points[at]);
    td.append(document.createTextNode(String(points[at])), hidden(" " + (absent ? Playbook.t("team_view.of_most_absent", { most: most }) : Playbook.t("team_view.of_most", { most: most }))));
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
    var rated = root.querySelector("[data-team-rated]");
    rated.textContent = "";
    var answers = team.map(function (rep) {
      var record = assessmentOf(rep.records, tool);
      if (record) rated.append(node("li", "", Playbook.t("team_view.rated_by", { name: rep.name, date: Playbook.dates.day(record.date), rated: Playbook.levelRating.describe(record.data.result) })));
      return record ? (isObject(record.data.answers) ? record.data.answers : {}) : null;
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
    var ids = levels.map(function (level) { return level.id; });
    var counts = [0].concat(levels.map(function () { return 0; }));
    var unassessed = 0;
    var offLadder = 0;
    var notPlaced = 0;
    var onHold = [];
    team.forEach(function (rep) {
      var found = completeResult(assessmentOf(rep.records, section.dataset.tool));
      var number = found && isObject(found.level) ? ids.indexOf(found.level.id) + 1 : 0;
      /* the level the answers reach but for one answer, which the rep's form names in its headline */
      var held = found && isObject(found.on_hold) && isObject(found.on_hold.level) ? ids.indexOf(found.on_hold.level.id) + 1 : 0;
      if (held) onHold.push(Playbook.t("team_view.held_rep", { name: rep.name, level: levels[held - 1].name, number: held }));
      if (!found) unassessed += 1;
      /* a level since taken off the ladder is no level on it, nor "no level yet" */
      else if (isObject(found.level) && !number) offLadder += 1;
      /* answers that placed the rep nowhere (the form's "Not placed on the ladder") are no "no level reached" */
      else if (found.same_answer === true) notPlaced += 1;
      else counts[number] += 1;
    });
    var leftOut = [
      unassessed ? Playbook.t("team_view.unassessed", { count: unassessed }) : "",
      offLadder ? Playbook.t("team_view.off_ladder", { count: offLadder }) : "",
      notPlaced ? Playbook.t("team_view.not_placed", { count: notPlaced }) : ""
    ].filter(Boolean);
    var left = leftOut.length ? Playbook.list(leftOut) : "";
    var names = [Playbook.t("team_view.no_level")].concat(levels.map(function (level, i) { return (i + 1) + " " + level.name; }));
    var shown = names.map(function (name, i) { return name + ": " + counts[i]; }).join("; ");
    var most = Math.max.apply(null, counts.concat([1]));
    var slot = section.querySelector("[data-chart-slot]");
    slot.textContent = "";
    slot.append(Playbook.charts.bars({
      title: Playbook.t("team_view.levels_chart"),
      summary: left ? Playbook.t("team_view.levels_summary_left", { counts: shown, left: left }) : Playbook.t("team_view.levels_summary", { counts: shown }),
      min: 0, max: most, every: 1,
      ticks: [0, most].map(function (value) { return { value: value, label: String(value) }; }),
      points: names.map(function (name, i) { return { label: name, value: counts[i], note: String(counts[i]) }; }),
      table: { caption: Playbook.t("team_view.levels_chart"), columns: [Playbook.t("team_view.level"), Playbook.t("team_view.reps")], rows: names.map(function (name, i) { return [name, String(counts[i])]; }) }
    }));
    if (left) slot.append(node("p", "pb-team__left-out", Playbook.t("team_view.left_out", { left: left })));
    if (onHold.length) slot.append(node("p", "pb-team__left-out", Playbook.t("team_view.on_hold", { reps: Playbook.list(onHold), count: onHold.length })));
  }

  /* Date maths on day numbers (dates.js), which no clock change makes 23 or 25 hours long. */
  /* The Monday of the week of `iso` (day 0, 1 January 1970, was a Thursday). */
  function weekStart(iso) {
    var day = Playbook.dates.number(iso);
    return Playbook.dates.iso(day - ((day + 3) % 7 + 7) % 7);
  }

  function median(numbers) {
    var sorted = numbers.slice().sort(function (a, b) { return a - b; });
    var middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /* A rep's complete checks by the Monday of their week: {week: [{score, band, held}]}, the band the form gave
     (null in a file from before it was kept) and whether an essential held it below its score's. */
  function checksByWeek(records, tool) {
    var weeks = {};
    records.forEach(function (record) {
      var found = record.kind === "coaching-check" && record.tool === tool ? completeResult(record) : null;
      if (found) (weeks[weekStart(record.date)] = weeks[weekStart(record.date)] || []).push({ score: found.score, band: typeof found.band === "string" ? found.band : null, held: !!found.held });
    });
    return weeks;
  }

  function scoresOf(checks) {
    return checks.map(function (check) { return check.score; });
  }

  /* What the checks of a week came to, as the form's results: "Part coaching 2 and That was coaching 1", the
     most given first, then the one with the best score (so the order doesn't follow the files'). A median score
     alone hid a week where none was coaching (a manager: 79% for four 1:1s that each failed or were held back).
     "" for checks from before the band was kept. */
  function resultsOf(checks) {
    var counts = {}, best = {}, order = [];
    checks.forEach(function (check) {
      if (!check.band) return;
      if (!counts[check.band]) order.push(check.band);
      counts[check.band] = (counts[check.band] || 0) + 1;
      best[check.band] = Math.max(best[check.band] || 0, check.score);
    });
    order.sort(function (a, b) { return counts[b] - counts[a] || best[b] - best[a] || (a < b ? -1 : a > b ? 1 : 0); });
    return Playbook.list(order.map(function (band) { return Playbook.t("team_view.band_count", { band: band, count: counts[band] }); }));
  }

  function anyHeld(checks) {
    return checks.some(function (check) { return check.held; });
  }

  function percent(value) {
    return Playbook.t("charts.percent", { value: value });
  }

  function percentTicks(values) {
    return values.map(function (value) { return { value: value, label: percent(value) }; });
  }

  /* The team's median week by week, on a time axis with a place for every week from the first check to the
     last, so a month without checks shows as a gap rather than as the next week. */
  function teamMedian(slot, timeline) {
    var points = timeline.medians;
    var last = points[points.length - 1];
    slot.append(Playbook.charts.line({
      title: Playbook.t("team_view.median_chart"),
      summary: Playbook.t("team_view.median_summary", { count: points.length, from: points[0].label, to: last.label, latest: last.note }),
      min: 0, max: 100, ticks: percentTicks([0, 25, 50, 75, 100]), slots: timeline.slots,
      points: points,
      key: points.some(function (point) { return point.held; }) ? Playbook.t("team_view.held_key") : "",
      table: { caption: Playbook.t("team_view.median_chart"), columns: [Playbook.t("team_view.week_of"), Playbook.t("team_view.median_score"), Playbook.t("team_view.checks"), Playbook.t("team_view.results")], rows: everyWeek(timeline, points, function (point) { return [point.label, percent(point.value), String(point.count), point.results || "\u2013"]; }, function (label) { return [label, "\u2013", "0", Playbook.t("team_view.no_check_that_week")]; }) }
    }));
  }

  /* One small chart per rep on the same scale (0 to 100%, the same weeks), the team's median dashed behind
     the rep's own line: who is being coached well shows at a glance. A rep without a check says so. */
  function repChart(rep, timeline) {
    var item = node("li");
    var weeks = Object.keys(rep.weeks).sort();
    if (!weeks.length) {
      item.append(node("p", "pb-chart__empty", Playbook.t("team_view.rep_no_checks", { name: rep.name })));
      return item;
    }
    var points = weeks.map(function (week) {
      var checks = rep.weeks[week];
      var value = median(scoresOf(checks));
      var results = resultsOf(checks);
      var note = checks.length > 1 ? Playbook.t("team_view.rep_median", { value: value, count: checks.length }) : percent(value);
      return { slot: timeline.slotOf(week), label: Playbook.dates.day(week), value: value, held: anyHeld(checks), team: timeline.byWeek[week].value, note: results ? Playbook.t("team_view.with_results", { note: note, results: results }) : note };
    });
    var last = points[points.length - 1];
    var checks = weeks.reduce(function (sum, week) { return sum + rep.weeks[week].length; }, 0);
    /* weeks since the rep's last check, up to the team's latest: a rep gone quiet reads so (a checker) */
    var since = timeline.slots - 1 - last.slot;
    var summary = Playbook.t("team_view.rep_summary", { name: rep.name, checks: Playbook.t("team_view.check_count", { count: checks }), weeks: Playbook.t("team_view.week_count", { count: points.length }), from: points[0].label, to: last.label, latest: last.note, team: last.team });
    item.append(Playbook.charts.line({
      title: rep.name,
      small: true,
      summary: since ? summary + " " + Playbook.t("team_view.rep_none_since", { count: since, last: timeline.lastWeek }) : summary,
      min: 0, max: 100, slots: timeline.slots,
      ticks: percentTicks([0, 50, 100]),
      axis: { from: timeline.medians[0].label, to: timeline.lastWeek },
      reference: { points: timeline.medians },
      key: points.some(function (point) { return point.held; }) ? Playbook.t("team_view.rep_held_key") : "",
      points: points,
      table: { caption: Playbook.t("team_view.rep_caption", { name: rep.name }), columns: [Playbook.t("team_view.week_of"), rep.name, Playbook.t("team_view.team_median")], rows: everyWeek(timeline, points, function (point) { return [point.label, point.note, percent(point.team)]; }, function (label, slot) { var team = timeline.medians.filter(function (point) { return point.slot === slot; })[0]; return [label, Playbook.t("team_view.no_check_that_week"), team ? percent(team.value) : "\u2013"]; }, timeline.slots - 1) }
    }));
    return item;
  }

  /* A chart's table rows for every week from its first point to its last (or to the slot `until`, the team's
     last week for a rep's): `row(point)` for a week with checks, `empty(label, slot)` for one without, so a week
     no 1:1 was checked reads as such rather than going missing between its neighbours (a manager found no row
     for it, where the chart drew a gap) or after the last. */
  function everyWeek(timeline, points, row, empty, until) {
    var rows = [];
    var last = until === undefined ? points[points.length - 1].slot : until;
    for (var slot = points[0].slot, at = 0; slot <= last; slot += 1) {
      if (at < points.length && points[at].slot === slot) rows.push(row(points[at++]));
      else rows.push(empty(Playbook.dates.day(Playbook.dates.iso(timeline.first + slot * 7)), slot));
    }
    return rows;
  }

  /* Every week from the team's first check to its last, and the team's median in each week with checks. */
  function timelineOf(reps) {
    var all = {};
    reps.forEach(function (rep) {
      Object.keys(rep.weeks).forEach(function (week) { all[week] = (all[week] || []).concat(rep.weeks[week]); });
    });
    var weeks = Object.keys(all).sort();
    if (!weeks.length) return null;
    var first = Playbook.dates.number(weeks[0]);
    var slotOf = function (week) { return (Playbook.dates.number(week) - first) / 7; };
    var byWeek = {};
    var medians = weeks.map(function (week) {
      var value = median(scoresOf(all[week]));
      var results = resultsOf(all[week]);
      var note = Playbook.t("team_view.week_note", { value: value, count: all[week].length });
      return byWeek[week] = { slot: slotOf(week), label: Playbook.dates.day(week), value: value, count: all[week].length, results: results, held: anyHeld(all[week]), note: results ? Playbook.t("team_view.with_results", { note: note, results: results }) : note };
    });
    return { first: first, slots: slotOf(weeks[weeks.length - 1]) + 1, slotOf: slotOf, medians: medians, byWeek: byWeek, lastWeek: medians[medians.length - 1].label };
  }

  function coachingCharts(root, team) {
    var section = root.querySelector("[data-team-coaching]");
    var reps = team.map(function (rep) { return { name: rep.name, weeks: checksByWeek(rep.records, section.dataset.tool) }; });
    var timeline = timelineOf(reps);
    var slot = section.querySelector("[data-chart-slot]");
    var multiples = section.querySelector("[data-team-coaching-reps]");
    slot.textContent = "";
    multiples.textContent = "";
    multiples.closest("[data-team-coaching-by-rep]").hidden = !timeline;
    if (!timeline) return slot.append(node("p", "pb-chart__empty", Playbook.t("team_view.no_checks")));
    teamMedian(slot, timeline);
    reps.forEach(function (rep) { multiples.append(repChart(rep, timeline)); });
  }

  /* A rep's commitments from their 1:1 records, each once (by text and due date): a later record's copy wins.
     How many days it is overdue (Playbook.commitments.overdueBy: 0 once done or dropped); how often it slipped counts the 1:1s held up to `today`, as the planner and
     the rep history count them (Playbook.commitments). Read defensively: a record without them adds nothing. */
  function commitmentsOf(rep, today) {
    var found = Playbook.commitments;
    var records = rep.records.filter(function (record) { return record.kind === "one-to-one"; });
    var meetings = found.heldUpTo(records, today);
    var away = Playbook.timeAway.awayOn(rep.records, today);
    var kept = {};
    found.list(records).forEach(function (entry) {
      var item = entry.commitment;
      if (!isObject(item) || typeof item.text !== "string" || !item.text.trim() || typeof item.due !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(item.due)) return;
      var moves = found.moves(item);
      kept[item.text + "\n" + item.due] = { rep: rep.name, repId: rep.id, away: away, text: item.text, due: item.due, first: moves.length ? moves[0].from : item.due, owner: item.owner, overdue: found.overdueBy(item, rep.records, today, rep.managerAway), slips: found.slips(entry, meetings) };
    });
    return Object.keys(kept).map(function (key) { return kept[key]; });
  }

  /* Most slipped first: a date agreed again restarts the days overdue, and a rep's longest-running miss read as
     the freshest (a manager). Then longest overdue (days away not counted, so not always the earliest due); then
     by due date, rep and what was committed, so the list reads the same whatever order the files came in. */
  function mostOverdue(a, b) {
    return b.slips - a.slips || b.overdue - a.overdue || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || byName({ name: a.rep }, { name: b.rep }) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  }

  function owner(who) {
    return who === "rep" ? Playbook.t("rep_history.owner_rep") : who === "manager" ? Playbook.t("rep_history.owner_manager") : "\u2013";
  }

  /* A link to one of the rep's pages (`url`: the template's, relative to this page) that chooses the rep first,
     so the page opens on them: only for a rep saved in this browser (one read from a file has no id here). */
  function repLink(rep, url, text) {
    if (!rep.id || !url) return document.createTextNode(text);
    var link = node("a", "", text);
    link.href = url;
    link.addEventListener("click", function () { Playbook.workspace.choose(rep.id); });
    return link;
  }

  /* `cell` holding `words` (a string key's, given `marker` where `inner` goes, or just `inner`) with `inner`, a
     node, in its place: a date as a <time>, a name as a link. */
  function placed(cell, words, marker, inner) {
    var parts = (words || marker).split(marker);
    cell.append(parts[0], inner, parts.slice(1).join(""));
    return cell;
  }

  /* A row's header: the rep's name, linked to their history, in `words` (made with {name: NAME}) when given. */
  var NAME = "\u0001";
  function repHeader(rep, words, root) {
    var th = node("th");
    th.scope = "row";
    return placed(th, words, NAME, repLink(rep, root.dataset.historyUrl, rep.name));
  }

  /* A rep away today is named with the day they are back: their commitments wait for them. */
  function commitmentRow(item, root) {
    var row = node("tr");
    var who = repHeader({ id: item.repId, name: item.rep }, item.away ? Playbook.t("team_view.rep_away", { name: NAME, date: Playbook.dates.day(item.away.back, "weekday") }) : null, root);
    var due = node("td");
    var time = node("time", "", Playbook.dates.day(item.due, "weekday"));
    time.dateTime = item.due;
    due.append(time);
    if (item.first !== item.due) {
      var first = node("time", "", Playbook.dates.day(item.first, "weekday"));
      first.dateTime = item.first;
      placed(due, Playbook.t("team_view.first_due", { date: DATE }), DATE, first);
    }
    var slipped = node("td", "", item.slips ? Playbook.commitments.times(item.slips) : Playbook.t("team_view.no_one_to_one_since_due"));
    var pointer = Playbook.commitments.stalls(item, item.slips, root);
    if (pointer) slipped.append(" ", pointer);
    row.append(who, node("td", "", item.text), node("td", "", owner(item.owner)), due, node("td", "", Playbook.t("team_view.days", { count: item.overdue })), slipped);
    return row;
  }

  function commitments(root, team) {
    var today = Playbook.workspace.today();
    var overdue = [].concat.apply([], team.map(function (rep) { return commitmentsOf(rep, today); })).filter(function (item) { return item.overdue > 0; });
    overdue.sort(mostOverdue);
    var slot = root.querySelector("[data-team-commitments]");
    slot.textContent = "";
    if (!overdue.length) return slot.append(node("p", "", Playbook.t("team_view.none_overdue")));
    var made = Playbook.charts.headedTable(Playbook.t("team_view.overdue_caption", { count: overdue.length }), [Playbook.t("team_view.rep"), Playbook.t("rep_history.commitment"), Playbook.t("team_view.owner"), Playbook.t("rep_history.due"), Playbook.t("team_view.overdue_by"), Playbook.t("team_view.slipped")]);
    overdue.forEach(function (item) { made.body.append(commitmentRow(item, root)); });
    slot.append(Playbook.charts.stacked(made.table));
  }

  /* ------------------------------------------------ last 1:1s */

  function agoWords(days) {
    return days === 0 ? Playbook.t("team_view.today") : days === 1 ? Playbook.t("team_view.yesterday") : Playbook.t("team_view.days_ago", { count: days });
  }

  /* Where a date goes in words that have one: the words of a key given {date: DATE}, then dateCell puts it there. */
  var DATE = "\u0000";

  /* A cell with the day `iso` as a <time>, with its weekday (a manager plans the week by it), in `words` (made
     with DATE) or alone. */
  function dateCell(iso, words) {
    var time = node("time", "", Playbook.dates.day(iso, "weekday"));
    time.dateTime = iso;
    return placed(node("td"), words, DATE, time);
  }

  /* A rep's last meeting up to today (`days`: the dates the rep's meetings took place), and the next by the
     rhythm (`most` days after the last, or after the day the rep was added, the days away not counted:
     Playbook.timeAway.dueBy): due by a date (today, or with leave coming up first, named), away (so not due),
     or overdue by the days since, not counting days away (also when there is nothing to count from), which the
     row's class and words flag. A meeting takes the rep and the manager, so the days either is away count alike
     (the words say whose leave). `meeting`: the rhythm's name for it, as the words say it. `sooner`: the last
     one's result when its band brings the next one forward ({date, days, band}), or null. */
  function meetingRow(rep, days, today, most, meeting, sooner, section) {
    var row = node("tr");
    var root = section.closest("[data-team]");
    var who = repHeader(rep, null, root);
    var held = days.filter(function (day) { return day <= today; }).sort();
    var last = held[held.length - 1];
    var from = last || rep.added || null;
    var timeAway = Playbook.timeAway;
    var managerAway = rep.managerAway || [];
    var either = rep.records.concat(managerAway);
    var repAway = timeAway.awayOn(rep.records, today);
    var youAway = repAway ? null : timeAway.awayOn(managerAway, today);
    var forward = sooner && last && sooner.date === last && sooner.days < most ? sooner : null;
    var gap = forward ? forward.days : most;
    var due = from ? timeAway.dueBy(from, either, gap) : null;
    var late = !repAway && !youAway && (!due || due < today);
    /* Away now, but already overdue before the leave began: that stays said, or the missed meeting would vanish
       from the page meant to show whose meeting needs time (counted in the working days present before it). */
    var leaving = repAway || youAway;
    var before = leaving && from ? either.filter(function (record) { return record.kind !== timeAway.KIND || record.date < leaving.from; }) : null;
    var dueThen = before ? timeAway.dueBy(from, before, gap) : null;
    var lateThen = 0;
    /* counted up to the day before the leave: the working days present before it, not the first day away */
    if (dueThen && dueThen < leaving.from) lateThen = timeAway.overdueDays(before, dueThen, Playbook.dates.iso(Playbook.dates.number(leaving.from) - 1));
    if (late || lateThen) row.className = "pb-team__late";
    var next;
    if (repAway && lateThen) next = dateCell(repAway.back, Playbook.t("team_view.away_back_overdue", { date: DATE, count: lateThen }));
    else if (youAway && lateThen) next = dateCell(youAway.back, Playbook.t("team_view.you_away_back_overdue", { date: DATE, count: lateThen }));
    else if (repAway) next = dateCell(repAway.back, Playbook.t("team_view.away_back", { date: DATE }));
    else if (youAway) next = dateCell(youAway.back, Playbook.t("team_view.you_away_back", { date: DATE }));
    else if (!due) next = node("td", "", Playbook.t("team_view.overdue_none", { meeting: meeting }));
    else if (late) next = node("td", "", Playbook.t("team_view.overdue_days", { count: timeAway.overdueDays(either, due, today) }));
    else if (due === today) next = node("td", "", Playbook.t("team_view.due_today"));
    else {
      /* Leave to come is named when the meeting would fall due in it: then it is best held before. */
      var begun = either.filter(function (record) { return record.kind !== timeAway.KIND || record.date <= today; });
      var unmoved = timeAway.dueBy(from, begun, gap);
      var during = function (leave) { return leave && leave.from <= unmoved && unmoved < leave.back ? leave : null; };
      var theirs = during(timeAway.awayAfter(rep.records, today, due));
      var yours = during(timeAway.awayAfter(managerAway, today, due));
      var leave = yours && (!theirs || yours.from < theirs.from) ? yours : theirs;
      var around = leave && { date: DATE, from: Playbook.dates.day(leave.from, "weekday"), back: Playbook.dates.day(leave.back, "weekday") };
      next = dateCell(due, !leave ? Playbook.t("team_view.due_by", { date: DATE }) : leave === yours ? Playbook.t("team_view.due_by_around_your_leave", around) : Playbook.t("team_view.due_by_around_leave", around));
    }
    /* why the next one comes sooner than the rhythm's, whatever leave did to the day */
    if (forward && !repAway && !youAway) next.append(Playbook.t("team_view.brought_forward", { band: forward.band }));
    row.append(who, last ? dateCell(last, Playbook.t("team_view.last_held", { date: DATE, ago: agoWords(daysBetween(last, today)) })) : node("td", "", Playbook.t("team_view.none_recorded")), next);
    if (plans(section, rep)) {
      var plan = node("td");
      plan.append(repLink(rep, root.dataset.planUrl, Playbook.t("team_view.plan_with", { meeting: meeting, name: rep.name })));
      row.append(plan);
    }
    return { row: row, late: late || lateThen > 0 };
  }

  /* The 1:1s' table of the reps saved in this browser has a column to plan each rep's next one in the planner. */
  function plans(section, rep) {
    return section.hasAttribute("data-team-meetings") && Boolean(rep.id);
  }

  /* Each rep's last meeting of one kind in a table, the overdue ones flagged and counted in its caption. */
  function meetingTable(section, team, meeting, daysOf, soonerOf) {
    var slot = section.querySelector("[data-team-meetings-list]");
    slot.textContent = "";
    if (!team.length) return;
    var today = Playbook.workspace.today();
    var rows = team.map(function (rep) { return meetingRow(rep, daysOf(rep), today, +section.dataset.days, meeting, soonerOf ? soonerOf(rep, today) : null, section); });
    var late = rows.filter(function (found) { return found.late; }).length;
    var made = Playbook.charts.headedTable(late ? Playbook.t("team_view.meetings_late", { meeting: meeting, late: late, total: team.length }) : Playbook.t("team_view.meetings_on_time", { meeting: meeting }), [Playbook.t("team_view.rep"), Playbook.t("team_view.last_meeting", { meeting: meeting }), Playbook.t("team_view.next_meeting", { meeting: meeting })].concat(plans(section, team[0]) ? [Playbook.t("team_view.plan")] : []));
    rows.forEach(function (found) { made.body.append(found.row); });
    slot.append(Playbook.charts.stacked(made.table));
  }

  /* The 1:1s held, as the planner records them, then each rhythm meeting rated with a form (a ride-along):
     the days that form was filled in for the rep with enough answers to score (one box ticked by mistake is not
     a ride-along). */
  function lastMeetings(root, team) {
    var oneToOnes = root.querySelector("[data-team-meetings]");
    meetingTable(oneToOnes, team, oneToOnes.dataset.meeting, function (rep) {
      return Playbook.commitments.heldDates(rep.records.filter(function (record) { return record.kind === "one-to-one"; }));
    });
    root.querySelectorAll("[data-team-rated-meeting]").forEach(function (section) {
      function held(rep) {
        return rep.records.filter(function (record) { return record.kind === section.dataset.kind && record.tool === section.dataset.tool && completeResult(record); });
      }
      meetingTable(section, team, section.dataset.meeting, function (rep) {
        return held(rep).map(function (record) { return record.date; });
      }, function (rep, today) {
        /* the last day's calls (a ride-along watches one or two): the soonest any of them asks for */
        var last = held(rep).reduce(function (latest, record) { return record.date <= today && record.date > latest ? record.date : latest; }, "");
        return held(rep).filter(function (record) { return record.date === last; }).reduce(function (soonest, record) {
          var result = completeResult(record);
          var days = Playbook.workspace.againWithin(record);
          var sooner = days > 0 && typeof result.band === "string" && (!soonest || days < soonest.days);
          return sooner ? { date: last, days: days, band: result.band } : soonest;
        }, null);
      });
    });
  }

  /* The reps with a first day saved (Playbook.ramp's start record), from before it until the ramp plan is over
     for them (two weeks after the last review is held: Playbook.ramp.reviews): the day of the ramp plan each is on
     today, the reviews held (a 1:1 marked as one on the planner and held) and the next review, soonest first:
     on the 1:1 marked for it, due (on a working day, moved by the rep's time away) or overdue, flagged (a sales
     leader: a held review and a missed one looked alike, and a rep stayed listed after the last). */
  function rampTable(root, team) {
    var section = root.querySelector("[data-team-ramp]");
    if (!section) return;
    var slot = section.querySelector("[data-team-ramp-list]");
    slot.textContent = "";
    var ramp = Playbook.ramp;
    var milestones = ramp.milestones(section);
    var today = Playbook.workspace.today();
    var now = Playbook.dates.number(today);
    var rows = team.map(function (rep) {
      var start = ramp.start(rep.records);
      var day = start ? ramp.day(start.date, today) : NaN;
      if (!isFinite(day)) return null;
      var reviews = ramp.reviews(milestones, start.date, rep.records, today);
      if (now > reviews.ends) return null;
      var next = reviews.next;
      var booked = next && next.meeting && next.meeting.date >= today ? next.meeting.date : null;
      /* the day it comes up: the 1:1 marked for it, else its own */
      var on = next ? booked || next.on : reviews.last.meeting.date;
      return { rep: rep, start: start.date, day: day, reviews: reviews, next: next, booked: booked, on: on, late: Boolean(next && next.on < today) };
    }).filter(Boolean).sort(function (a, b) { return !a.next - !b.next || (a.on < b.on ? -1 : a.on > b.on ? 1 : 0); });
    if (!rows.length) {
      slot.append(node("p", "", Playbook.t("team_view.ramp_none")));
      return;
    }
    var due = rows.filter(function (row) { return row.next && !row.late && ramp.opened(row.on, today); }).length;
    var late = rows.filter(function (row) { return row.late; }).length;
    var caption = due ? Playbook.t("team_view.ramp_caption_due", { count: rows.length, due: due, date: Playbook.dates.day(Playbook.dates.iso(now + ramp.SOON), "weekday") }) : Playbook.t("team_view.ramp_caption", { count: rows.length });
    if (late) caption = Playbook.t("team_view.ramp_caption_late", { caption: caption, count: late });
    var made = Playbook.charts.headedTable(caption, [Playbook.t("team_view.rep"), Playbook.t("team_view.first_day"), Playbook.t("team_view.ramp_today"), Playbook.t("team_view.ramp_held"), Playbook.t("team_view.ramp_next")]);
    rows.forEach(function (row) {
      var tr = node("tr");
      if (row.late) tr.className = "pb-team__late";
      var standing = row.day >= 1 ? Playbook.t("team_view.ramp_on_day", { day: row.day }) : Playbook.t("team_view.ramp_starts", { count: 1 - row.day });
      tr.append(repHeader(row.rep, null, root), dateCell(row.start), node("td", "", standing), heldCell(row.reviews), nextCell(row, today));
      made.body.append(tr);
    });
    slot.append(Playbook.charts.stacked(made.table));
  }

  /* A day in words, with its <time>, placed where `words` has DATE. */
  function datedWords(into, words, iso) {
    var time = node("time", "", Playbook.dates.day(iso, "weekday"));
    time.dateTime = iso;
    return placed(into, words, DATE, time);
  }

  /* Days from `from` to `to`, for "in 3 days" and "3 days ago". */
  function daysBetween(from, to) {
    return Playbook.dates.number(to) - Playbook.dates.number(from);
  }

  /* The reviews held, each a milestone's link and its 1:1's day (and how late, past its own), up to the next:
     one passed over for it is said not recorded as held. */
  function heldCell(reviews) {
    var cell = node("td");
    var upTo = reviews.next ? reviews.each.indexOf(reviews.next) : reviews.each.length;
    if (!upTo) cell.textContent = Playbook.t("team_view.ramp_held_none");
    var list = node("ul", "pb-team__ramp-held");
    reviews.each.slice(0, upTo).forEach(function (review) {
      var item = node("li");
      var link = node("a", "", review.milestone.name);
      link.href = review.milestone.href;
      item.append(link, " ");
      var meeting = review.meeting;
      var late = meeting ? daysBetween(review.on, meeting.date) : 0;
      if (meeting && meeting.held) {
        datedWords(item, late > 0 ? Playbook.t("team_view.ramp_held_late", { date: DATE, count: late }) : Playbook.t("team_view.ramp_held_on", { date: DATE }), meeting.date);
        if (meeting.outcome === "on-track") item.append(Playbook.t("team_view.ramp_on_track"));
        else if (meeting.outcome === "behind") item.append(Playbook.t("team_view.ramp_behind"));
      }
      else if (meeting) datedWords(item, meeting.date >= Playbook.workspace.today() ? Playbook.t("team_view.ramp_marked", { date: DATE }) : Playbook.t("team_view.ramp_marked_missed", { date: DATE }), meeting.date);
      else item.append(Playbook.t("team_view.ramp_not_recorded"));
      list.append(item);
    });
    if (upTo) cell.append(list);
    return cell;
  }

  /* The next review: on the 1:1 marked for it (and its own day, when that differs), due on its day (today, how
     soon, moved for time away; none marked yet when it has opened), or overdue, not recorded as held (the 1:1
     marked for it not held, when one was); once the last is held, that the ramp plan is over. */
  function nextCell(row, today) {
    var next = row.next;
    if (!next) return node("td", "", Playbook.t("team_view.ramp_finished"));
    var ramp = Playbook.ramp;
    var days = daysBetween(today, row.on);
    var when = days === 0 ? Playbook.t("team_view.today") : Playbook.t("team_view.in_days", { count: days });
    var cell = row.booked ? dateCell(row.booked, row.late ? Playbook.t("team_view.ramp_booked_late", { date: DATE, when: when }) : Playbook.t("team_view.ramp_booked_on", { date: DATE, when: when }))
      : row.late ? dateCell(next.on, Playbook.t("team_view.ramp_overdue", { date: DATE, ago: agoWords(-days) }))
      : dateCell(next.on, next.moved ? Playbook.t("team_view.ramp_milestone_moved", { date: DATE, when: when }) : Playbook.t("team_view.ramp_milestone", { date: DATE, when: when }));
    var link = node("a", "", next.milestone.name);
    link.href = next.milestone.href;
    cell.append(" ", link);
    if (row.booked && row.booked !== next.on) datedWords(cell, " " + (row.late ? Playbook.t("team_view.ramp_due_was", { date: DATE, ago: agoWords(daysBetween(next.on, today)) }) : Playbook.t("team_view.ramp_due_on", { date: DATE })), next.on);
    else if (!row.booked && next.meeting) datedWords(cell, " " + Playbook.t("team_view.ramp_booked_missed", { date: DATE }), next.meeting.date);
    else if (!row.booked && !row.late && ramp.opened(next.on, today)) cell.append(" " + Playbook.t("team_view.ramp_not_booked"));
    return cell;
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
    var merged = form.querySelector("[data-team-merged]");
    var askOwners = form.querySelector("[data-team-owners]");
    var read = null;
    var owners = {};
    var back = form.querySelector("[data-team-workspace]");

    function list(into, texts) {
      into.textContent = "";
      (texts || []).forEach(function (text) { into.append(node("li", "", text)); });
    }

    function show(team, about, problemList, mergedList) {
      heatMap(root, team);
      levelChart(root, team);
      coachingCharts(root, team);
      lastMeetings(root, team);
      rampTable(root, team);
      commitments(root, team);
      list(problems, problemList);
      list(merged, mergedList);
      status.textContent = about;
    }

    function fromWorkspace() {
      var team = workspaceTeam();
      back.hidden = true;
      askOwners.textContent = "";
      show(team, team.length ? Playbook.t("team_view.showing_saved", { count: team.length }) : Playbook.t("team_view.none_saved"));
    }

    function showFiles() {
      var found = teamOf(read.files, read.checked, owners);
      var fine = found.files - found.problems.length;
      var about = [
        Playbook.t("team_view.showing_files", { count: found.team.length, read: fine, files: found.files }),
        found.merged.length ? Playbook.t("team_view.merged_reps", { count: found.merged.length }) : "",
        found.problems.length ? Playbook.t("team_view.unread_files", { count: found.problems.length }) : ""
      ].filter(Boolean).join(" ");
      show(found.team, about, found.problems, found.merged);
      return found;
    }

    /* A rep's own export says only "me": the manager says whose it is, and it joins that rep's column. */
    function ownerChoices(found) {
      askOwners.textContent = "";
      if (!found.named.length) return;
      found.own.forEach(function (own, i) {
        var line = node("p");
        var label = node("label", "", Playbook.t("team_view.whose_own", { file: own.file }) + " ");
        var choice = node("select");
        choice.id = label.htmlFor = "team-owner-" + i;
        choice.append(node("option", "", Playbook.t("team_view.keep_apart")));
        choice.firstChild.value = "";
        found.named.forEach(function (rep) {
          var option = node("option", "", rep.name);
          option.value = rep.key;
          choice.append(option);
        });
        choice.addEventListener("change", function () {
          owners[own.key] = choice.value;
          showFiles();
        });
        line.append(label, choice);
        askOwners.append(line);
      });
    }

    function fromFiles(files) {
      if (!files.length) return;
      status.textContent = Playbook.t("team_view.reading", { count: files.length });
      readFiles(files).then(function (checked) {
        back.hidden = false;
        read = { files: files, checked: checked };
        owners = {};
        ownerChoices(showFiles());
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
