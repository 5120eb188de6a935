/* Plan a 1:1 (macros/templates/plan_one_to_one.html): for the chosen rep, the commitments still open from
   earlier 1:1s, their latest level result, question suggestions, and the agenda in the team's time boxes
   (printed, copied as text, or downloaded as a calendar event); after the meeting, its commitments.
   A 1:1 is kept as the rep's "one-to-one" record for the meeting's date (workspace.js):
     {time: "HH:MM", agenda: [{id, fingerprint, box}], commitments: [{text, owner: "rep" | "manager",
      due: "YYYY-MM-DD", done: null | "YYYY-MM-DD"}]}   (checked by workspace-file.js; version 1 files wrote
   done: false). A commitment is open until ticked done; ticking rewrites the record it was made in, where it
   is known by its place in the list. Everything shown is
   text or a clone of the page's own nodes. */
(function (Playbook) {
  "use strict";

  var LEVEL_TOOL = "which-level";
  var SUGGESTED = 8;

  function each(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function words(value) {
    return value ? value.split(" ") : [];
  }

  /* The page's questions, behaviours and time boxes, read once from the server-rendered markup. */
  function readPage(page) {
    var questions = {};
    each(page, "[data-plan-questions] li").forEach(function (li) {
      questions[li.dataset.question] = { id: li.dataset.question, stage: li.dataset.stage, situations: words(li.dataset.situations), fingerprint: li.dataset.fingerprint, text: li.textContent.trim() };
    });
    var behaviours = {};
    each(page, "[data-plan-behaviours] li").forEach(function (li) {
      behaviours[li.dataset.behaviour] = words(li.dataset.questions);
    });
    var boxes = each(page, "[data-plan-box]").map(function (li) {
      return { id: li.dataset.planBox, stages: words(li.dataset.stages), minutes: Number(li.dataset.minutes), name: li.querySelector("[data-plan-box-name]").textContent.trim(), duration: li.querySelector("[data-plan-box-minutes]").textContent.trim(), list: li.querySelector("[data-plan-box-questions]") };
    });
    return { questions: questions, behaviours: behaviours, boxes: boxes, tool: page.dataset.meeting, minutes: Number(page.dataset.minutes) };
  }

  /* The box a question goes in: the first whose stages include the question's, else the longest. */
  function boxFor(plan, question) {
    var suited = plan.boxes.filter(function (box) { return box.stages.indexOf(question.stage) >= 0; })[0];
    return suited || plan.boxes.slice().sort(function (a, b) { return b.minutes - a.minutes; })[0];
  }

  function chosenQuestions(plan) {
    return Playbook.basket.questions(Playbook.workspace.current()).map(function (id) { return plan.questions[id]; }).filter(Boolean);
  }

  function oneToOnes(plan) {
    return Playbook.workspace.records({ kind: "one-to-one", tool: plan.tool });
  }

  /* Commitments made before `date`, not done or done today (so a tick can be taken back the same day). */
  function agreedBefore(plan, date) {
    var today = Playbook.workspace.today();
    var open = [];
    oneToOnes(plan).forEach(function (record) {
      if (record.date >= date) return;
      (record.data.commitments || []).forEach(function (commitment, index) {
        if (!commitment.done || commitment.done === today) open.push({ record: record, index: index, commitment: commitment });
      });
    });
    return open;
  }

  function describe(commitment, today) {
    var overdue = !commitment.done && commitment.due < today;
    var who = { rep: "the rep, ", manager: "you, " }[commitment.owner] || "";
    return commitment.text + " (" + who + "due " + commitment.due + (overdue ? ", overdue" : "") + ")";
  }

  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  /* "Monday 30 November 2026 at 09:00", spelt out here: browsers' locale data differ on the commas. */
  function longDate(date, time) {
    var when = new Date(date + "T" + time);
    return DAYS[when.getDay()] + " " + when.getDate() + " " + MONTHS[when.getMonth()] + " " + when.getFullYear() + " at " + time;
  }

  function title() {
    var rep = Playbook.workspace.current();
    return rep === "me" ? "My 1:1" : "1:1 with " + Playbook.workspace.name(rep);
  }

  /* The agenda as plain text: heading, what was agreed, then each box with its minutes and questions. */
  function agendaText(plan, when) {
    var today = Playbook.workspace.today();
    var lines = [title() + ", " + longDate(when.date, when.time) + ", " + plan.minutes + " minutes"];
    var agreed = agreedBefore(plan, when.date).filter(function (item) { return !item.commitment.done; });
    if (agreed.length) {
      lines.push("", "Agreed last time:");
      agreed.forEach(function (item) { lines.push("- " + describe(item.commitment, today)); });
    }
    var chosen = chosenQuestions(plan);
    plan.boxes.forEach(function (box) {
      lines.push("", box.name + " (" + box.duration + ")");
      chosen.filter(function (q) { return boxFor(plan, q) === box; }).forEach(function (q) { lines.push("- " + q.text); });
    });
    return lines.join("\n");
  }

  function fileName(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "one-to-one";
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var page = form.closest("[data-plan-page]");
    var plan = readPage(page);
    var ws = Playbook.workspace;
    var status = form.querySelector("[data-plan-status]");
    var tool = ws.attach(form, render, status);
    var date = form.querySelector("[data-plan-date]");
    var time = form.querySelector("[data-plan-time]");
    var filters = each(form, "[data-plan-filter]");
    /* what the level paragraph says (with its link) while the rep has no result, cloned back when needed */
    var noLevel = Array.prototype.slice.call(form.querySelector("[data-plan-level]").childNodes).map(function (node) { return node.cloneNode(true); });
    page.querySelector("[data-plan-blank]").hidden = true;
    form.hidden = false;
    date.value = ws.today();

    function when() {
      return { date: date.value || ws.today(), time: time.value || "09:00" };
    }

    function item(text, className) {
      var li = document.createElement("li");
      if (className) li.className = className;
      var span = document.createElement("span");
      span.textContent = text;
      li.append(span);
      return li;
    }

    function button(label, action) {
      var made = document.createElement("button");
      made.type = "button";
      made.className = "md-button pb-plan__small";
      made.textContent = label;
      made.addEventListener("click", action);
      return made;
    }

    function toggleQuestion(id) {
      if (Playbook.basket.toggle(ws.current(), id, status)) render();
    }

    /* A suggestion: the question and a button that adds it or takes it out again. */
    function suggestion(question, chosen) {
      var li = item(question.text);
      li.dataset.question = question.id;
      var add = button(chosen.indexOf(question.id) >= 0 ? "Added to 1:1" : "Add to 1:1", function () {
        var list = li.parentNode;
        toggleQuestion(question.id);
        /* the lists are drawn afresh: keep the keyboard on this question's new button */
        var again = list.querySelector('li[data-question="' + question.id + '"] button');
        if (again) again.focus();
        status.textContent = (Playbook.basket.questions(ws.current()).indexOf(question.id) >= 0 ? "Added to the agenda: " : "Taken off the agenda: ") + question.text;
      });
      add.setAttribute("aria-pressed", String(chosen.indexOf(question.id) >= 0));
      li.append(" ", add);
      return li;
    }

    function fillList(list, questions) {
      var chosen = Playbook.basket.questions(ws.current());
      list.textContent = "";
      questions.forEach(function (question) { list.append(suggestion(question, chosen)); });
    }

    /* A commitment with a tick: ticking rewrites the record it was made in. */
    function agreedItem(entry) {
      var li = item("");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "plan-done-" + entry.record.date + "-" + entry.index;
      box.checked = Boolean(entry.commitment.done);
      var label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = describe(entry.commitment, ws.today()) + ", agreed " + entry.record.date;
      if (!entry.commitment.done && entry.commitment.due < ws.today()) li.className = "pb-plan__overdue";
      li.firstChild.replaceWith(box, " ", label);
      box.addEventListener("change", function () {
        setDone(entry, box.checked ? ws.today() : null);
      });
      return li;
    }

    function setDone(entry, done) {
      var data = JSON.parse(JSON.stringify(entry.record.data));
      data.commitments[entry.index].done = done;
      if (tool.record("one-to-one", plan.tool, data, entry.record.date)) status.textContent = done ? "Marked done: " + entry.commitment.text : "Open again: " + entry.commitment.text;
      render();
    }

    function renderAgreed() {
      var list = form.querySelector("[data-plan-agreed]");
      var agreed = agreedBefore(plan, when().date);
      list.textContent = "";
      agreed.forEach(function (entry) { list.append(agreedItem(entry)); });
      form.querySelector("[data-plan-agreed-none]").hidden = agreed.length > 0;
    }

    /* The latest "Which level am I?" result, and questions for its weakest behaviours. */
    function renderLevel() {
      var latest = ws.latest({ kind: "assessment", tool: LEVEL_TOOL });
      var result = latest && latest.data.result;
      var weakest = result && Array.isArray(result.weakest) ? result.weakest.filter(function (w) { return w && typeof w.text === "string"; }) : [];
      var summary = form.querySelector("[data-plan-level]");
      summary.textContent = "";
      if (result && result.level && typeof result.level.name === "string") summary.textContent = "Level " + result.level.number + ", " + result.level.name + (typeof result.score === "number" ? " (" + Math.round(result.score) + "%)" : "") + ", on " + latest.date + ".";
      else noLevel.forEach(function (node) { summary.append(node.cloneNode(true)); });
      var list = form.querySelector("[data-plan-weakest]");
      list.textContent = "";
      weakest.forEach(function (w) { list.append(item(w.text)); });
      form.querySelector("[data-plan-weakest-intro]").hidden = !weakest.length;
      var ids = [];
      weakest.forEach(function (w) {
        (plan.behaviours[w.id] || []).forEach(function (id) { if (plan.questions[id] && ids.indexOf(id) < 0) ids.push(id); });
      });
      fillList(form.querySelector("[data-plan-behaviour-questions]"), ids.map(function (id) { return plan.questions[id]; }));
      form.querySelector("[data-plan-behaviour-none]").hidden = ids.length > 0;
    }

    function renderChoice() {
      var chosenFilters = filters.filter(function (select) { return select.value; });
      var found = !chosenFilters.length ? [] : Object.keys(plan.questions).map(function (id) { return plan.questions[id]; }).filter(function (q) {
        return chosenFilters.every(function (select) {
          var value = q[select.dataset.planFilter];
          return Array.isArray(value) ? value.indexOf(select.value) >= 0 : value === select.value;
        });
      });
      fillList(form.querySelector("[data-plan-chosen-questions]"), found.slice(0, SUGGESTED));
    }

    function renderAgenda() {
      var chosen = chosenQuestions(plan);
      form.querySelector("[data-plan-heading]").textContent = title() + ", " + longDate(when().date, when().time) + ", " + plan.minutes + " minutes";
      plan.boxes.forEach(function (box) {
        box.list.textContent = "";
        chosen.filter(function (q) { return boxFor(plan, q) === box; }).forEach(function (q) {
          var li = item(q.text);
          var remove = button("Remove", function () {
            toggleQuestion(q.id);
            status.textContent = "Taken off the agenda: " + q.text;
          });
          remove.setAttribute("aria-label", "Remove: " + q.text);
          li.append(" ", remove);
          box.list.append(li);
        });
      });
    }

    function meetingRecord() {
      var found = oneToOnes(plan).filter(function (record) { return record.date === when().date; })[0];
      var data = found ? JSON.parse(JSON.stringify(found.data)) : {};
      data.commitments = data.commitments || [];
      return data;
    }

    /* The meeting's record with the agenda as it stands; true when stored. */
    function saveMeeting(data) {
      data.time = when().time;
      data.agenda = chosenQuestions(plan).map(function (q) { return { id: q.id, fingerprint: q.fingerprint, box: boxFor(plan, q).id }; });
      return tool.record("one-to-one", plan.tool, data, when().date);
    }

    function renderMade() {
      var list = form.querySelector("[data-plan-made]");
      list.textContent = "";
      meetingRecord().commitments.forEach(function (commitment, index) {
        var li = item(describe(commitment, ws.today()));
        li.append(" ", button("Remove", function () {
          var data = meetingRecord();
          data.commitments.splice(index, 1);
          if (saveMeeting(data)) status.textContent = "Removed: " + commitment.text;
          render();
        }));
        list.append(li);
      });
    }

    function addCommitment() {
      var text = form.querySelector("[data-plan-commit-text]");
      var due = form.querySelector("[data-plan-commit-due]");
      var problem = !text.value.trim() ? [text, "Write what was committed to."] : /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(due.value) ? null : [due, "Give the commitment a due date."];
      [text, due].forEach(function (field) { field.removeAttribute("aria-invalid"); });
      if (problem) {
        problem[0].setAttribute("aria-invalid", "true");
        problem[0].focus();
        status.textContent = problem[1];
        return;
      }
      var data = meetingRecord();
      var commitment = { text: text.value.trim().replace(/[<>]/g, ""), owner: form.querySelector("[data-plan-commit-owner]").value, due: due.value, done: null };
      data.commitments.push(commitment);
      if (!saveMeeting(data)) return;
      status.textContent = "Commitment saved with the 1:1 of " + when().date + ": it shows under Agreed last time at the next 1:1.";
      text.value = "";
      render();
    }

    function render() {
      form.querySelector("[data-plan-title]").textContent = title();
      renderAgreed();
      renderLevel();
      renderChoice();
      renderAgenda();
      renderMade();
    }

    filters.forEach(function (select) { select.addEventListener("change", renderChoice); });
    date.addEventListener("change", render);
    time.addEventListener("change", renderAgenda);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-plan-commit-add]").addEventListener("click", addCommitment);
    form.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
    form.querySelector("[data-plan-copy]").addEventListener("click", function () { Playbook.copy(agendaText(plan, when()), status); });
    form.querySelector("[data-plan-empty]").addEventListener("click", function () {
      if (Playbook.basket.store(ws.current(), [], status)) status.textContent = "The agenda is empty.";
      render();
    });
    form.querySelector("[data-plan-ics]").addEventListener("click", function () {
      var start = new Date(when().date + "T" + when().time);
      var text = Playbook.calendar.event({ uid: "one-to-one-" + ws.current() + "-" + when().date + "@" + (location.hostname || "playbook"), start: start, minutes: plan.minutes, summary: title(), description: agendaText(plan, when()) });
      Playbook.calendar.download(text, fileName(title() + " " + when().date) + ".ics");
      status.textContent = "Calendar event downloaded: open it to add the 1:1 to your calendar.";
    });
    render();
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-plan]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
