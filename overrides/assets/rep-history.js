/* The Rep history page (macros/templates/rep_history.html): for the rep chosen above, their level results,
   Was that coaching? and ride-along scores and boot-camp checklists over time, drawn by Playbook.charts from the records
   Playbook.workspace keeps, their 1:1 commitments in a table (read by Playbook.commitments) and what was written
   down in each 1:1 held (one-to-one.js's write_in), shortened. Redrawn when another rep is chosen; a chart with
   nothing to draw says so. */
(function (Playbook) {
  "use strict";

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* A record's result if complete and scored, else null: a half-answered form has no level to draw. */
  function result(record) {
    var found = isObject(record.data.result) ? record.data.result : null;
    return found && found.complete === true && typeof found.score === "number" ? found : null;
  }

  function empty(text) {
    var note = document.createElement("p");
    note.className = "pb-chart__empty";
    note.textContent = text;
    return note;
  }

  function place(section, content) {
    var slot = section.querySelector("[data-chart-slot]");
    slot.textContent = "";
    slot.append(content);
  }

  /* A line chart's points placed by their dates (point.day), so two months between results look longer than a
     week: the x axis has a place per day from the first to the last, labelled at its two ends (the table under
     the chart gives every date). Points of one day (a ride-along's calls) share its place side by side. */
  function byDate(spec) {
    var first = Playbook.dates.number(spec.points[0].day);
    var onDay = Object.create(null);
    spec.points.forEach(function (point) { onDay[point.day] = (onDay[point.day] || 0) + 1; });
    var placed = Object.create(null);
    spec.points.forEach(function (point) {
      var nth = placed[point.day] = (placed[point.day] || 0) + 1;
      point.slot = Playbook.dates.number(point.day) - first + (nth - 1) * 0.75 / onDay[point.day];
    });
    var last = spec.points[spec.points.length - 1];
    spec.slots = last.slot + 1;
    if (spec.points.length > 1) spec.axis = { from: spec.points[0].label, to: last.label };
    return spec;
  }

  /* The number, on the page's ladder, of the level a result's answers reach but for one answer (its on_hold,
     assessment.js), which the form's headline names: 0 for none, or one no longer on the ladder. */
  function onHold(found, numbers) {
    var hold = found.on_hold;
    var number = isObject(hold) && isObject(hold.level) ? numbers[hold.level.id] : 0;
    return typeof number === "number" ? number : 0;  // not a name Object has, such as "constructor"
  }

  /* Level results: the level's number by the page's own ladder (0: none reached yet), stepped. */
  function levelChart(root, rep, who) {
    var section = root.querySelector("[data-history-levels-chart]");
    if (!section) return;
    var page = root.closest(".pb-history");
    var levels = Array.prototype.map.call(page.querySelectorAll("[data-history-levels] [data-level]"), function (item) {
      return { id: item.dataset.level, name: item.textContent.trim() };
    });
    var numbers = {};
    levels.forEach(function (level, i) { numbers[level.id] = i + 1; });
    var points = [];
    Playbook.workspace.records({ rep: rep, kind: "assessment", tool: section.dataset.tool }).forEach(function (record) {
      var found = result(record);
      if (!found) return;
      var number = isObject(found.level) ? numbers[found.level.id] : 0;
      if (number === undefined) return;
      var name = number ? levels[number - 1].name : found.same_answer === true ? Playbook.t("rep_history.not_placed") : Playbook.t("rep_history.no_level");
      var held = onHold(found, numbers);
      if (held) name = Playbook.t("rep_history.on_hold", { level: name, held: levels[held - 1].name, number: held });
      var rated = Playbook.levelRating.describe(found);
      /* no overall score: it is the share of every level's behaviours, which the result never shows, and read
         beside a level it ranks reps wrongly (a manager: a rep not placed at 67% above a product expert at 48%) */
      var note = number ? Playbook.t("rep_history.level_note", { number: number, name: name, rated: rated }) : Playbook.t("rep_history.no_level_note", { name: name, rated: rated });
      points.push({ day: record.date, label: Playbook.dates.day(record.date), value: number, name: name, rated: rated, note: note });
    });
    if (!points.length) return place(section, empty(Playbook.t("rep_history.no_levels", { who: who })));
    var last = points[points.length - 1];
    place(section, Playbook.charts.line(byDate({
      title: Playbook.t("rep_history.levels_chart", { who: who }),
      summary: Playbook.t("rep_history.levels_summary", { count: points.length, from: points[0].label, to: last.label, latest: last.note }),
      step: true, min: 0, max: levels.length,
      ticks: [{ value: 0, label: Playbook.t("rep_history.none_yet") }].concat(levels.map(function (level, i) { return { value: i + 1, label: (i + 1) + " " + level.name }; })),
      points: points,
      table: { caption: Playbook.t("rep_history.levels_chart", { who: who }), columns: [Playbook.t("rep_history.date"), Playbook.t("rep_history.level"), Playbook.t("rep_history.rated")], rows: points.map(function (point) {
        return [point.label, point.value ? point.value + " " + point.name : point.name, point.rated];
      }) }
    })));
  }

  /* A scored form's results over time (Was that coaching?, a ride-along): each complete one's score, with the
     result it gave (an essential missed keeps a high score out of the top band, so the band says more). */
  function scoreChart(section, rep, who) {
    var check = section.dataset.title;
    var points = [];
    var records = Playbook.workspace.records({ rep: rep, kind: section.dataset.kind, tool: section.dataset.tool });
    /* a day of more than one call (a ride-along's two) names each */
    var days = Object.create(null);
    records.forEach(function (record) { days[record.date] = (days[record.date] || 0) + 1; });
    records.forEach(function (record) {
      var found = result(record);
      if (!found) return;
      var words = { score: found.score, band: found.band };
      var note = typeof found.band !== "string" ? Playbook.t("charts.percent", { value: found.score })
        : found.held === "missed" ? Playbook.t("rep_history.score_note_failed", words)
        : found.held === "short" ? Playbook.t("rep_history.score_note_held", words)
        : found.held === "missed-behaviour" ? Playbook.t("rep_history.score_note_held_missed", words) : Playbook.t("rep_history.score_note", words);
      points.push({ day: record.date, label: Playbook.workspace.dayOf(record, undefined, days[record.date]), value: found.score, note: note, held: !!found.held });
    });
    if (!points.length) return place(section, empty(Playbook.t("rep_history.no_scores", { check: check, who: who })));
    var last = points[points.length - 1];
    place(section, Playbook.charts.line(byDate({
      title: Playbook.t("rep_history.scores_chart", { check: check, who: who }),
      summary: Playbook.t("rep_history.scores_summary", { count: points.length, from: points[0].label, to: last.label, latest: last.note }),
      min: 0, max: 100,
      ticks: [0, 25, 50, 75, 100].map(function (value) { return { value: value, label: Playbook.t("charts.percent", { value: value }) }; }),
      points: points,
      /* a higher score can be a worse result: say which dots are held back */
      key: points.some(function (point) { return point.held; }) ? Playbook.t("rep_history.held_key") : "",
      table: { caption: Playbook.t("rep_history.scores_chart", { check: check, who: who }), columns: [Playbook.t("rep_history.date"), Playbook.t("rep_history.score")], rows: points.map(function (point) { return [point.label, point.note]; }) }
    })));
  }

  /* One bar per day or week: the share of its items ticked, with "done/total" over it. */
  function checklistChart(box, rep, who, latest) {
    var title = box.querySelector("h3").textContent.trim();
    var weekly = box.dataset.period === "week";
    var points = Playbook.workspace.records({ rep: rep, kind: "checklist", tool: box.dataset.historyChecklist }).filter(function (record) {
      var data = record.data;
      return typeof data.done === "number" && typeof data.total === "number" && data.total > 0 && data.done >= 0 && data.done <= data.total;
    }).slice(-latest).map(function (record) {
      var day = Playbook.dates.day(record.date);
      return { label: day, period: weekly ? Playbook.t("rep_history.week_of", { day: day }) : day, value: Math.round(100 * record.data.done / record.data.total), note: record.data.done + "/" + record.data.total };
    });
    if (!points.length) return place(box, empty(Playbook.t("rep_history.nothing_ticked", { title: title, who: who })));
    var latest = { count: points.length, from: points[0].label, to: points[points.length - 1].label, latest: points[points.length - 1].note };
    place(box, Playbook.charts.bars({
      title: Playbook.t("rep_history.ticked_chart", { title: title, who: who }),
      summary: weekly ? Playbook.t("rep_history.weeks_summary", latest) : Playbook.t("rep_history.days_summary", latest),
      min: 0, max: 100,
      ticks: [0, 50, 100].map(function (value) { return { value: value, label: Playbook.t("charts.percent", { value: value }) }; }),
      points: points,
      table: { caption: Playbook.t("rep_history.ticked_chart", { title: title, who: who }), columns: [weekly ? Playbook.t("rep_history.week") : Playbook.t("rep_history.day"), Playbook.t("rep_history.ticked"), Playbook.t("rep_history.share")], rows: points.map(function (point) { return [point.period, point.note, Playbook.t("charts.percent", { value: point.value })]; }) }
    }));
  }

  function cell(name, text) {
    var made = document.createElement(name);
    made.textContent = text;
    if (name === "th") made.scope = "col";
    return made;
  }

  /* Where a commitment stands today: open (overdue), done or dropped with why, and how often it slipped;
     `records`, all the rep's, for the days they were away, as the manager's own for theirs. */
  function standing(commitment, slips, today, records) {
    var found = Playbook.commitments;
    var now = found.state(commitment);
    var manager = Playbook.workspace.records({ rep: Playbook.timeAway.MANAGER });
    var late = found.daysLate(commitment, records, manager);
    var done = { date: Playbook.dates.day(commitment.done), count: late };
    var reported = found.reportedAt(commitment, records);
    var words = now === "done" ? (late ? Playbook.t("rep_history.done_late", done) : reported ? (reported.first ? Playbook.t("rep_history.done_reported", done) : Playbook.t("rep_history.done_reported_later", done)) : Playbook.t("rep_history.done", done))
      : now === "dropped" ? (commitment.drop_reason ? Playbook.t("rep_history.dropped_why", { date: Playbook.dates.day(commitment.dropped), why: commitment.drop_reason }) : Playbook.t("rep_history.dropped", { date: Playbook.dates.day(commitment.dropped) }))
      : found.overdueBy(commitment, records, today, manager) ? Playbook.t("rep_history.open_overdue") : Playbook.t("rep_history.open");
    return slips ? Playbook.t("rep_history.slipped", { standing: words, slipped: found.slipped(slips) }) : words;
  }

  /* Every commitment from the rep's 1:1s, the latest 1:1 first, with slips counted at the 1:1s held so far. */
  function commitmentTable(root, rep, who) {
    var section = root.querySelector("[data-history-commitments]");
    var slot = section.querySelector("[data-history-commitments-slot]");
    var found = Playbook.commitments;
    var today = Playbook.workspace.today();
    var records = Playbook.workspace.records({ rep: rep, kind: "one-to-one" });
    var meetings = found.heldUpTo(records, today);
    var entries = found.list(records).sort(function (a, b) { return a.record.date < b.record.date ? 1 : a.record.date > b.record.date ? -1 : a.index - b.index; });
    slot.textContent = "";
    if (!entries.length) return slot.append(empty(Playbook.t("rep_history.no_commitments", { who: who })));
    var table = document.createElement("table");
    var head = document.createElement("tr");
    [Playbook.t("rep_history.agreed"), Playbook.t("rep_history.commitment"), Playbook.t("rep_history.who"), Playbook.t("rep_history.due"), Playbook.t("rep_history.stands")].forEach(function (name) { head.append(cell("th", name)); });
    var thead = document.createElement("thead");
    thead.append(head);
    var body = document.createElement("tbody");
    entries.forEach(function (entry) {
      var commitment = entry.commitment;
      var records = Playbook.workspace.records({ rep: rep });
      var was = found.wasDue(commitment, function (iso) { return Playbook.dates.day(iso); }, records, Playbook.workspace.records({ rep: Playbook.timeAway.MANAGER }));
      var row = document.createElement("tr");
      row.append(cell("td", Playbook.dates.day(entry.record.date)), cell("td", commitment.text), cell("td", { rep: Playbook.t("rep_history.owner_rep"), manager: Playbook.t("rep_history.owner_manager") }[commitment.owner] || "\u2013"),
        cell("td", was.length ? Playbook.t("rep_history.due_moved", { date: Playbook.dates.day(commitment.due), was: Playbook.list(was) }) : Playbook.dates.day(commitment.due)), cell("td", standing(commitment, found.slips(entry, meetings), today, records)));
      body.append(row);
    });
    table.append(cell("caption", Playbook.t("rep_history.commitments_caption", { who: who })), thead, body);
    slot.append(Playbook.charts.stacked(table));
  }

  /* A note as the history lists it: at most NOTE_LENGTH characters, cut at a word and marked, on one line. */
  var NOTE_LENGTH = 160;

  function shortened(text) {
    var line = text.trim().replace(/\s+/g, " ");
    if (line.length <= NOTE_LENGTH) return line;
    var cut = line.slice(0, NOTE_LENGTH);
    var space = cut.lastIndexOf(" ");
    return (space > NOTE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "") + "\u2026";
  }

  /* Every 1:1 held with the rep, the latest first: its date, then each note written in it, or that none was (a
     manager asked "did I keep my weekly 1:1 with everyone?", and 1:1s held without notes were left out). */
  function notesList(root, rep, who) {
    var slot = root.querySelector("[data-history-notes-slot]");
    var held = Playbook.workspace.records({ rep: rep, kind: "one-to-one" }).filter(Playbook.commitments.held).map(function (record) {
      return { date: record.date, notes: Playbook.commitments.notes(record.data) };
    }).reverse();
    slot.textContent = "";
    if (!held.length) return slot.append(empty(Playbook.t("rep_history.none_held", { who: who })));
    var list = document.createElement("dl");
    list.className = "pb-history__notes";
    held.forEach(function (meeting) {
      list.append(cell("dt", Playbook.dates.day(meeting.date)));
      if (!meeting.notes.length) list.append(cell("dd", Playbook.t("rep_history.no_notes_written")));
      meeting.notes.forEach(function (note) {
        list.append(cell("dd", Playbook.t("plan_one_to_one.written", { label: note.label, text: shortened(note.text) })));
      });
    });
    slot.append(list);
  }

  /* Beside a cause outside the rep, the other signals ticked, in the helper's order (`signals`: their words by
     id): "" when none (a sales leader: the history kept only "Deal with the circumstance first", the conduct and
     the deal at risk dropped). */
  function alsoTicked(ticked, signals) {
    var also = Object.keys(signals).filter(function (id) { return ticked && typeof ticked === "object" && Object.prototype.hasOwnProperty.call(ticked, id); });
    if (!also.length) return "";
    return Playbook.t("rep_history.advice_also", { signals: Playbook.list(also.map(function (id) { return Playbook.t("rep_history.quoted", { text: Playbook.inSentence(signals[id]) }); })) });
  }

  /* What the decision helper advised for the rep, the latest day first (its decision records: one a day, the
     ticks as they stood when last changed), with the situations a mode rested on; a day whose ticks gave no
     advice is left out. A manager asked "what did I try with this rep last time?", which the helper's own
     questions ask, and the history could not say. */
  function adviceList(root, rep, who) {
    var section = root.querySelector("[data-history-advice]");
    var slot = section.querySelector("[data-history-advice-slot]");
    var names = function (selector, key) {
      var found = {};
      section.querySelectorAll(selector).forEach(function (li) { found[li.dataset[key]] = li.textContent.trim(); });
      return found;
    };
    var modes = names("[data-history-modes] li", "mode");
    var situations = names("[data-history-situations] li", "situation");
    var signals = names("[data-history-signals] li", "signal");
    var said = Playbook.workspace.records({ rep: rep, kind: "decision" }).map(function (record) {
      var outcome = record.data.outcome;
      var on = (Array.isArray(record.data.situations) ? record.data.situations : []).filter(function (id) { return typeof id === "string" && situations[id]; });
      var advice = outcome === "tie" ? Playbook.t("rep_history.advice_tie")
        : outcome === "circumstance" ? Playbook.t("rep_history.advice_circumstance") + alsoTicked(record.data.ticked, signals)
        : typeof outcome === "string" && modes[outcome] ? (on.length ? Playbook.t("rep_history.advice_on", { mode: modes[outcome], situations: Playbook.list(on.map(function (id) { return situations[id]; })) }) : modes[outcome])
        : null;
      return advice && { date: record.date, advice: advice };
    }).filter(Boolean).reverse();
    slot.textContent = "";
    if (!said.length) return slot.append(empty(Playbook.t("rep_history.no_advice", { who: who })));
    var list = document.createElement("dl");
    list.className = "pb-history__notes";
    said.forEach(function (day) {
      list.append(cell("dt", Playbook.dates.day(day.date)), cell("dd", day.advice));
    });
    slot.append(list);
  }

  /* The rep's time away, the latest first, so a gap in their checklists or scores reads as leave, not a slump. */
  function awayList(root, rep, who) {
    var slot = root.querySelector("[data-history-away-slot]");
    var away = Playbook.timeAway.all(Playbook.workspace.records({ rep: rep })).reverse();
    slot.textContent = "";
    if (!away.length) return slot.append(empty(Playbook.t("rep_history.no_away", { who: who })));
    var list = document.createElement("ul");
    away.forEach(function (period) {
      list.append(cell("li", Playbook.t("rep_history.away_item", { from: Playbook.dates.day(period.from), back: Playbook.dates.day(period.back) })));
    });
    slot.append(list);
  }

  function enhance(root) {
    root.dataset.ready = "true";
    root.hidden = false;
    var page = root.closest(".pb-history");
    page.querySelector("[data-history-no-js]").hidden = true;
    var status = root.querySelector("[data-history-status]");

    function draw() {
      var rep = Playbook.workspace.current();
      var who = rep === "me" ? Playbook.t("rep_history.you") : Playbook.workspace.name(rep);
      levelChart(root, rep, who);
      root.querySelectorAll("[data-history-scores]").forEach(function (section) { scoreChart(section, rep, who); });
      commitmentTable(root, rep, who);
      adviceList(root, rep, who);
      notesList(root, rep, who);
      awayList(root, rep, who);
      var checklists = root.querySelector("[data-history-checklists]");
      root.querySelectorAll("[data-history-checklist]").forEach(function (box) { checklistChart(box, rep, who, +checklists.dataset.latest); });
    }

    /* The picker above says whose history it is; this status says only what storage refused. */
    Playbook.workspace.attach(root, draw, status);
    draw();
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("[data-rep-history]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
