/* Plan a 1:1 (macros/templates/plan_one_to_one.html): for the chosen rep, the commitments still open from
   earlier 1:1s, their latest level result, a few questions suggested for them with the reason for each, and
   the agenda in the team's time boxes (printed with what was agreed last time, copied as text, or downloaded
   as a calendar event); after the meeting, its commitments.
   A 1:1 is kept as the rep's "one-to-one" record for the meeting's date (workspace.js):
     {time: "HH:MM", agenda: [{id, fingerprint, box}], commitments: [{text, owner: "rep" | "manager",
      due: "YYYY-MM-DD", done: null | "YYYY-MM-DD"}]}   (checked by workspace-file.js; version 1 files wrote
   done: false). A commitment is open until ticked done; ticking rewrites the record it was made in, where it
   is known by its place in the list. Everything shown is
   text or a clone of the page's own nodes. */
(function (Playbook) {
  "use strict";

  var LEVEL_TOOL = "which-level";
  /* A handful to choose from, not the bank again: six, at most two per stage unless the manager picks one. */
  var SUGGESTED = 6;
  var PER_STAGE = 2;

  function each(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function words(value) {
    return value ? value.split(" ") : [];
  }

  /* Names by id from a hidden list of the page: {id: text}. */
  function names(page, selector, attribute) {
    var found = Object.create(null);
    each(page, selector).forEach(function (li) { found[li.dataset[attribute]] = li.textContent.trim(); });
    return found;
  }

  /* The page's questions (in the bank's order), behaviours, levels, modes and time boxes, read once from the
     server-rendered markup. */
  function readPage(page) {
    /* maps without a prototype: an id read from storage such as "constructor" finds nothing */
    var questions = Object.create(null);
    var order = each(page, "[data-plan-questions] li").map(function (li) {
      var question = { id: li.dataset.question, stage: li.dataset.stage, situations: words(li.dataset.situations), modes: words(li.dataset.modes), levels: words(li.dataset.levels), fingerprint: li.dataset.fingerprint, text: li.textContent.trim() };
      questions[question.id] = question;
      return question;
    });
    var behaviours = Object.create(null);
    each(page, "[data-plan-behaviours] li").forEach(function (li) {
      behaviours[li.dataset.behaviour] = words(li.dataset.questions);
    });
    var levels = each(page, "[data-plan-levels] li").map(function (li) { return { id: li.dataset.level, name: li.textContent.trim() }; });
    var boxes = each(page, "[data-plan-box]").map(function (li) {
      return { id: li.dataset.planBox, stages: words(li.dataset.stages), situations: words(li.dataset.situations), minutes: Number(li.dataset.minutes), name: li.querySelector("[data-plan-box-name]").textContent.trim(), duration: li.querySelector("[data-plan-box-minutes]").textContent.trim(), list: li.querySelector("[data-plan-box-questions]") };
    });
    return { questions: questions, order: order, behaviours: behaviours, levels: levels, modes: names(page, "[data-plan-modes] li", "mode"), boxes: boxes, tool: page.dataset.meeting, minutes: Number(page.dataset.minutes) };
  }

  /* The box a question goes in (data/rhythm.yml's rule): the first that names its stage and one of its
     situations (a deal at risk goes to "One deal"), else the first that names its stage and no situations,
     else the longest. */
  function boxFor(plan, question) {
    var staged = plan.boxes.filter(function (box) { return box.stages.indexOf(question.stage) >= 0; });
    var suited = staged.filter(function (box) {
      return box.situations.some(function (id) { return question.situations.indexOf(id) >= 0; });
    })[0] || staged.filter(function (box) { return !box.situations.length; })[0];
    return suited || plan.boxes.slice().sort(function (a, b) { return b.minutes - a.minutes; })[0];
  }

  /* The basket as the bank stands now: each entry with its question (null once a leader took it out of the
     bank) and whether it was reworded since it was added (its fingerprint no longer the one it was added with). */
  function basketItems(plan) {
    return Playbook.basket.entries(Playbook.workspace.current()).map(function (entry) {
      var question = plan.questions[entry.id] || null;
      return { entry: entry, question: question, changed: Boolean(question && entry.fingerprint && entry.fingerprint !== question.fingerprint) };
    });
  }

  function chosenQuestions(plan) {
    return basketItems(plan).map(function (item) { return item.question; }).filter(Boolean);
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

  /* What the agenda carries over, on paper and as text: the commitments still open. */
  function stillOpen(plan, date) {
    return agreedBefore(plan, date).filter(function (item) { return !item.commitment.done; });
  }

  /* A commitment as the agenda states it, overdue as of `day` (the meeting's date on an agenda). The agenda may
     go to the rep in a calendar event, so the manager is "the manager", never "you". */
  function describe(commitment, day) {
    var overdue = !commitment.done && commitment.due < day;
    var who = { rep: "the rep, ", manager: "the manager, " }[commitment.owner] || "";
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
    var lines = [title() + ", " + longDate(when.date, when.time) + ", " + plan.minutes + " minutes"];
    var agreed = stillOpen(plan, when.date);
    if (agreed.length) {
      lines.push("", "Agreed last time:");
      agreed.forEach(function (item) { lines.push("- " + describe(item.commitment, when.date)); });
    }
    var chosen = chosenQuestions(plan);
    plan.boxes.forEach(function (box) {
      lines.push("", box.name + " (" + box.duration + ")");
      chosen.filter(function (q) { return boxFor(plan, q) === box; }).forEach(function (q) { lines.push("- " + q.text); });
    });
    return lines.join("\n");
  }

  /* The level the suggestions aim at: the next one up from the level reached (the weakest behaviours come
     from it), the first when none is reached, the top once it is; null without a complete result or when the
     level it names is no longer in the ladder. */
  function targetLevel(plan, result) {
    if (!result || result.complete !== true) return null;
    var ids = plan.levels.map(function (level) { return level.id; });
    var reached = result.level && typeof result.level.id === "string" ? ids.indexOf(result.level.id) : -1;
    if (result.level && reached < 0) return null;
    var top = reached === ids.length - 1;
    var level = plan.levels[top ? reached : reached + 1];
    return level ? { id: level.id, name: level.name, why: top ? "the level they have reached" : "the level they are working towards" } : null;
  }

  /* A strong rep with one gap low on the ladder: the levels above the gap their answers reach, as the
     self-assessment's own result says it ("" when there are none). */
  function gapNote(plan, result) {
    var ids = plan.levels.map(function (level) { return level.id; });
    var next = result.level ? ids.indexOf(result.level.id) + 1 : 0;
    var groups = Array.isArray(result.groups) ? result.groups : [];
    var above = plan.levels.slice(next + 1).filter(function (level) {
      return groups.some(function (group) { return group && group.id === level.id && group.reached === true; });
    });
    if (!above.length || !plan.levels[next]) return "";
    return " Their answers also reach " + above.map(function (level) { return level.name; }).join(", ") + ": " + plan.levels[next].name + " is the gap that holds the ladder.";
  }

  /* What the rep's records give the suggestions: the weakest behaviours of their latest level result, the
     level to aim at, and the mode the decision helper last recommended for them (none after a close call). */
  function grounds(plan) {
    var ws = Playbook.workspace;
    var latest = ws.latest({ kind: "assessment", tool: LEVEL_TOOL });
    var result = latest && latest.data.result;
    var weakest = result && Array.isArray(result.weakest) ? result.weakest.filter(function (w) { return w && typeof w.id === "string" && typeof w.text === "string"; }) : [];
    var decision = ws.latest({ kind: "decision" });
    var outcome = decision && decision.data.outcome;
    var mode = typeof outcome === "string" && plan.modes[outcome] ? { id: outcome, name: plan.modes[outcome], date: decision.date } : null;
    return { result: result, date: latest && latest.date, weakest: weakest, level: targetLevel(plan, result), mode: mode };
  }

  /* Why `question` suits this rep, strongest reason first: [[weight, words]]. A weakest behaviour's own
     question outweighs a level and a mode together, the weaker behaviour first. */
  function reasons(plan, question, ground) {
    var why = [];
    ground.weakest.some(function (w, rank) {
      if ((plan.behaviours[w.id] || []).indexOf(question.id) < 0) return false;
      why.push([5 - rank / 10, "for \u201c" + w.text + "\u201d, " + (w.answer === null ? "a behaviour to work on next that they didn't rate" : "a behaviour to work on next")]);
      return true;
    });
    if (ground.level && question.levels.indexOf(ground.level.id) >= 0) why.push([2, "for " + ground.level.name + ", " + ground.level.why]);
    if (ground.mode && question.modes.indexOf(ground.mode.id) >= 0) why.push([2, "suits " + ground.mode.name + ", the decision helper's latest advice"]);
    return why;
  }

  function sentence(parts) {
    var text = parts.join("; ");
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  /* The questions to suggest, best first, each {question, line}: those of the stage and situation the manager
     chose (either may be "any"), ranked by the reasons above; without a chosen stage, at most PER_STAGE from
     each so they span the conversation. With nothing chosen, only questions with a reason. */
  function suggest(plan, ground, chosen) {
    var picked = [];
    var perStage = Object.create(null);
    var choice = chosen.stage && chosen.situation ? "the stage and situation you chose" : chosen.stage ? "the stage you chose" : chosen.situation ? "the situation you chose" : "";
    plan.order.filter(function (q) {
      return (!chosen.stage || q.stage === chosen.stage) && (!chosen.situation || q.situations.indexOf(chosen.situation) >= 0);
    }).map(function (q, index) {
      var why = reasons(plan, q, ground);
      return { question: q, why: why, index: index, score: why.reduce(function (sum, reason) { return sum + reason[0]; }, 0) };
    }).filter(function (found) {
      return found.score > 0 || choice;
    }).sort(function (a, b) {
      return b.score - a.score || a.index - b.index;
    }).forEach(function (found) {
      var stage = found.question.stage;
      if (picked.length >= SUGGESTED || (!chosen.stage && (perStage[stage] || 0) >= PER_STAGE)) return;
      perStage[stage] = (perStage[stage] || 0) + 1;
      var parts = found.why.map(function (reason) { return reason[1]; });
      picked.push({ question: found.question, line: sentence(parts.length ? parts : ["in " + choice]) });
    });
    return picked;
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
    var agenda = form.querySelector("[data-plan-agenda]");
    var agendaHeading = form.querySelector("#plan-agenda-title");
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

    function note(text, className) {
      var made = document.createElement(className === "pb-plan__why" ? "small" : "em");
      made.className = className;
      made.textContent = text;
      return made;
    }

    /* The question as the bank has it now, with the wording and fingerprint the basket keeps. */
    function current(question) {
      return { id: question.id, fingerprint: question.fingerprint, text: question.text };
    }

    /* After `change` redraws the page, the keyboard stays where `pressed` was among the buttons `selector`
       finds in `container`: on the one that took its place, else the one before, else on `fallback`. Without
       this a removed button takes the focus with it, to the top of the page. */
    function keepFocus(container, selector, pressed, fallback, change) {
      var at = each(container, selector).indexOf(pressed);
      change();
      var buttons = each(container, selector);
      (buttons[at] || buttons[at - 1] || fallback).focus();
    }

    /* A suggestion: the question, a button that adds it or takes it out again, and why it is suggested. */
    function suggestion(found, chosen) {
      var question = found.question;
      var li = item(question.text);
      li.dataset.question = question.id;
      var add = button(chosen.indexOf(question.id) >= 0 ? "Added to 1:1" : "Add to 1:1", function () {
        var list = li.parentNode;
        if (Playbook.basket.toggle(ws.current(), current(question), status)) render();
        /* the lists are drawn afresh: keep the keyboard on this question's new button */
        var again = list.querySelector('li[data-question="' + question.id + '"] button');
        if (again) again.focus();
        status.textContent = (Playbook.basket.questions(ws.current()).indexOf(question.id) >= 0 ? "Added to the agenda: " : "Taken off the agenda: ") + question.text;
      });
      add.setAttribute("aria-pressed", String(chosen.indexOf(question.id) >= 0));
      li.append(" ", add, " ", note(found.line, "pb-plan__why"));
      return li;
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

    /* The latest "Which level am I?" result with its weakest behaviours, and the decision helper's advice. */
    function renderLevel(ground) {
      var result = ground.result;
      var summary = form.querySelector("[data-plan-level]");
      summary.textContent = "";
      /* The level reached, out of the ladder's; no overall percentage: it is the score over every level, which
         reads as a score for the level named beside it. */
      if (result && result.level && typeof result.level.name === "string") summary.textContent = "Level " + result.level.number + " of " + plan.levels.length + ", " + result.level.name + ", on " + ground.date + ", " + Playbook.levelRating.describe(result) + "." + gapNote(plan, result);
      else if (result && result.complete === true && ground.level) summary.textContent = "No level reached yet, on " + ground.date + ", " + Playbook.levelRating.describe(result) + ": the answers don't reach " + ground.level.name + ", the first level." + gapNote(plan, result);
      else noLevel.forEach(function (node) { summary.append(node.cloneNode(true)); });
      var list = form.querySelector("[data-plan-weakest]");
      list.textContent = "";
      ground.weakest.forEach(function (w) { list.append(item(w.text + (w.answer === null ? " (not rated)" : ""))); });
      var intro = form.querySelector("[data-plan-weakest-intro]");
      intro.hidden = !ground.weakest.length;
      intro.textContent = "To work on next" + (ground.level ? ", at " + ground.level.name : "") + ", weakest first:";
      var advice = form.querySelector("[data-plan-advice]");
      advice.hidden = !ground.mode;
      advice.textContent = ground.mode ? "The decision helper's latest advice: " + ground.mode.name + ", on " + ground.mode.date + "." : "";
    }

    function renderSuggestions(ground) {
      var chosen = { stage: form.querySelector("[data-plan-filter=stage]").value, situation: form.querySelector("[data-plan-filter=situations]").value };
      var found = suggest(plan, ground, chosen);
      var basket = Playbook.basket.questions(ws.current());
      var list = form.querySelector("[data-plan-suggestions]");
      list.textContent = "";
      found.forEach(function (one) { list.append(suggestion(one, basket)); });
      var none = form.querySelector("[data-plan-suggest-none]");
      none.hidden = found.length > 0;
      none.textContent = chosen.stage || chosen.situation ? "No question in the bank has that stage and situation: choose another." : "Suggestions appear once the rep has a level result or advice from the decision helper, or when you choose a stage or a situation.";
    }

    /* Takes a question off the agenda and says so, the keyboard kept in the basket (the agenda's heading once
       it is empty). */
    function removeQuestion(pressed, entry, text) {
      var stored = false;
      keepFocus(agenda, "[data-plan-remove]", pressed, agendaHeading, function () {
        stored = Playbook.basket.toggle(ws.current(), entry, status);
        if (stored) render();
      });
      if (!stored) return;
      var left = Playbook.basket.entries(ws.current()).length;
      status.textContent = "Taken off the agenda: " + text + ". " + (left ? left + (left === 1 ? " question" : " questions") + " left." : "The agenda is empty.");
    }

    function removeButton(chosen, text) {
      var remove = button("Remove", function () { removeQuestion(remove, chosen.entry, text); });
      remove.dataset.planRemove = "";
      remove.setAttribute("aria-label", "Remove: " + text);
      return remove;
    }

    /* A question on the agenda in its present wording; one a leader has reworded since it was added says so,
       on screen, until it is kept or removed. */
    function agendaItem(chosen) {
      var question = chosen.question;
      var li = item(question.text);
      li.dataset.question = question.id;
      if (chosen.changed) {
        var keep = button("Keep", function () {
          if (!Playbook.basket.keep(ws.current(), current(question), status)) return;
          render();
          agenda.querySelector('li[data-question="' + question.id + '"] [data-plan-remove]').focus();
          status.textContent = "Kept in its new wording: " + question.text;
        });
        keep.setAttribute("aria-label", "Keep the new wording: " + question.text);
        li.append(" ", note("Changed since you added it: this is its wording now.", "pb-plan__changed pb-plan__screen"), " ", keep);
      }
      li.append(" ", removeButton(chosen, question.text));
      return li;
    }

    /* A question a leader took out of the bank after it was added: a note in its place, until removed. */
    function goneItem(chosen) {
      var text = chosen.entry.text;
      var li = item(text ? "No longer in the question bank (a leader took it out after you added it): \u201c" + text + "\u201d" : "A question you added is no longer in the question bank: a leader took it out after you added it.");
      li.append(" ", removeButton(chosen, text || "the question no longer in the bank"));
      return li;
    }

    /* On paper (print.css shows it), the agenda opens with the commitments still open, as the text copy does. */
    function renderPrintedAgreed() {
      var date = when().date;
      var agreed = stillOpen(plan, date);
      var printed = form.querySelector("[data-plan-agenda-agreed]");
      var list = printed.querySelector("ul");
      list.textContent = "";
      agreed.forEach(function (entry) { list.append(item(describe(entry.commitment, date))); });
      printed.hidden = !agreed.length;
    }

    function renderAgenda() {
      var chosen = basketItems(plan);
      form.querySelector("[data-plan-heading]").textContent = title() + ", " + longDate(when().date, when().time) + ", " + plan.minutes + " minutes";
      renderPrintedAgreed();
      plan.boxes.forEach(function (box) {
        box.list.textContent = "";
        chosen.filter(function (c) { return c.question && boxFor(plan, c.question) === box; }).forEach(function (c) { box.list.append(agendaItem(c)); });
      });
      var gone = form.querySelector("[data-plan-gone]");
      gone.textContent = "";
      chosen.filter(function (c) { return !c.question; }).forEach(function (c) { gone.append(goneItem(c)); });
      gone.hidden = !gone.children.length;
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
        var remove = button("Remove", function () {
          keepFocus(list, "button", remove, form.querySelector("[data-plan-commit-text]"), function () {
            var data = meetingRecord();
            data.commitments.splice(index, 1);
            if (saveMeeting(data)) status.textContent = "Removed: " + commitment.text;
            render();
          });
        });
        remove.setAttribute("aria-label", "Remove: " + commitment.text);
        li.append(" ", remove);
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
      var commitment = { text: text.value.trim(), owner: form.querySelector("[data-plan-commit-owner]").value, due: due.value, done: null };
      data.commitments.push(commitment);
      if (!saveMeeting(data)) return;
      status.textContent = "Commitment saved with the 1:1 of " + when().date + ": it shows under Agreed last time at the next 1:1.";
      text.value = "";
      render();
    }

    function render() {
      var ground = grounds(plan);
      form.querySelector("[data-plan-title]").textContent = title();
      renderAgreed();
      renderLevel(ground);
      renderSuggestions(ground);
      renderAgenda();
      renderMade();
    }

    filters.forEach(function (select) { select.addEventListener("change", function () { renderSuggestions(grounds(plan)); }); });
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
