/* Plan a 1:1 (macros/templates/plan_one_to_one.html): for the chosen rep, the commitments still open from
   earlier 1:1s, their latest level result, a few questions suggested for them with the reason for each (fresh
   ones before those on their latest agendas, steered by the decision helper's advice while it holds), and the
   agenda in the team's time boxes, with what was agreed last time in the box that reads it back, the same on
   screen, on paper, copied as text and in a calendar event; what was written down in each box, in the text
   boxes the page gives for its lines (data/rhythm.yml's write_in), with what the last 1:1 held wrote there;
   after the meeting, its commitments. The rules (minutes a question, weeks advice holds, agendas a question
   sits out) come from data/rhythm.yml.
   A 1:1 is kept as the rep's "one-to-one" record for the meeting's date (workspace.js):
     {time: "HH:MM", agenda: [{id, fingerprint, box}], held: true | false, commitments: [{text, owner: "rep" |
      "manager", due: "YYYY-MM-DD", done: null | "YYYY-MM-DD", dropped, drop_reason, renegotiated}],
      write_in: [{box, label, text}]}
   (checked by workspace-file.js; what held and a commitment's fields mean is commitments.js's). A note is
   known by its box's id and its line's label as the page wrote it, and keeps both, so a look back still reads
   it once a leader renames the line; one whose line is gone stays in the record. A commitment is open until
   ticked done or dropped; ticking, dropping or agreeing a new due date (one-to-one-agreed.js) rewrites the
   record it was made in, where it is known by its place in the list. Everything shown is text or a clone of the
   page's own nodes. */
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

  /* The boxes' minutes while a box's advice holds, from its data-advised-minutes ("id:minutes id:minutes"):
     {id: minutes}, or null without. */
  function minutesOf(value) {
    if (!value) return null;
    var found = Object.create(null);
    value.split(" ").forEach(function (pair) { var parts = pair.split(":"); found[parts[0]] = Number(parts[1]); });
    return found;
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
    var habits = Object.create(null);  // the ladder's habits: named as habits still there, never as behaviours to build
    each(page, "[data-plan-behaviours] li").forEach(function (li) {
      behaviours[li.dataset.behaviour] = words(li.dataset.questions);
      if (li.hasAttribute("data-habit")) habits[li.dataset.behaviour] = true;
    });
    var levels = each(page, "[data-plan-levels] li").map(function (li) { return { id: li.dataset.level, name: li.textContent.trim() }; });
    var boxes = each(page, "[data-plan-box]").map(function (li) {
      var notes = each(li, "[data-plan-note]").map(function (box) {
        return { box: box, label: box.labels[0].textContent.trim().replace(/\s+/g, " "), advised: box.closest("[data-plan-note-advised]") };
      });
      return { id: li.dataset.planBox, stages: words(li.dataset.stages), situations: words(li.dataset.situations), advisedMode: li.dataset.advisedMode || null, advisedStages: words(li.dataset.advisedStages), advisedMinutes: minutesOf(li.dataset.advisedMinutes), minutes: Number(li.dataset.minutes), least: Number(li.dataset.leastMinutes), name: li.querySelector("[data-plan-box-name]").textContent.trim(), shown: li.querySelector("[data-plan-box-minutes]"), list: li.querySelector("[data-plan-box-questions]"), overfull: li.querySelector("[data-plan-box-overfull]"), advisedNote: li.querySelector("[data-plan-box-advised]"), readsBack: li.hasAttribute("data-plan-reads-back"), agrees: li.hasAttribute("data-plan-agrees"), notes: notes, last: li.querySelector("[data-plan-last]") };
    });
    var rules = { minutesPerQuestion: Number(page.dataset.minutesPerQuestion), adviceWeeks: Number(page.dataset.adviceWeeks), skipAsked: Number(page.dataset.skipAsked), lookingBack: words(page.dataset.stagesLookingBack), whenAdvised: words(page.dataset.situationsWhenAdvised), rampSituation: page.dataset.rampSituation || null };
    var situations = Object.create(null);  /* the question bank's situations by id, as the situation filter names them */
    each(page, "[data-plan-filter=situations] option").forEach(function (option) { if (option.value) situations[option.value] = option.textContent.trim(); });
    /* each meeting rated with a form (a ride-along): its record, its statements' questions by id, and which of
       them are essential */
    var rated = each(page, "[data-plan-rated]").map(function (part) {
      var byStatement = Object.create(null);
      var essential = Object.create(null);
      each(part, "[data-plan-rated-behaviours] li").forEach(function (li) {
        byStatement[li.dataset.behaviour] = words(li.dataset.questions);
        essential[li.dataset.behaviour] = li.hasAttribute("data-essential");
      });
      return { kind: part.dataset.kind, tool: part.dataset.tool, meeting: part.dataset.meeting, questions: byStatement, essential: essential };
    });
    var milestones = Playbook.ramp.milestones(page);
    return { questions: questions, order: order, behaviours: behaviours, habits: habits, levels: levels, modes: names(page, "[data-plan-modes] li", "mode"), situations: situations, boxes: boxes, rules: rules, rated: rated, milestones: milestones, tool: page.dataset.meeting, minutes: Number(page.dataset.minutes) };
  }

  /* The advice's situations the box takes the advice's mode on (data/rhythm.yml's while_advised), with `advice`
     ({mode, situations} from the decision helper, or null): [] when none. */
  function advisedOn(box, advice) {
    return advice && box.advisedMode === advice.mode ? box.situations.filter(function (id) { return advice.situations.indexOf(id) >= 0; }) : [];
  }

  /* The box a question goes in (data/rhythm.yml's rule): a question of the advised mode on one of the advice's
     situations is placed by those situations only, as that is what it is asked about (`advice`: {mode,
     situations} from the decision helper, or null); any other by all of its own. The first box that takes its
     stage and names one of those situations, a box with the mode `while_advised` on one of them taking its
     stages then too (a push on the activity floor is talked through where the slipped commitments are read
     back, a push on a deal in "One deal", and a push's "What will you do first?" is agreed in "Commitments",
     not in the deal box its other situations name); else the first that takes its stage and names no
     situations; else the longest. */
  function boxFor(plan, question, advice) {
    var forAdvice = advice && question.modes.indexOf(advice.mode) >= 0 ? question.situations.filter(function (id) { return advice.situations.indexOf(id) >= 0; }) : [];
    var about = forAdvice.length ? forAdvice : question.situations;
    var staged = plan.boxes.filter(function (box) {
      return box.stages.indexOf(question.stage) >= 0
        || box.advisedStages.indexOf(question.stage) >= 0 && advisedOn(box, advice).some(function (id) { return forAdvice.indexOf(id) >= 0; });
    });
    var suited = staged.filter(function (box) {
      return box.situations.some(function (id) { return about.indexOf(id) >= 0; });
    })[0] || staged.filter(function (box) { return !box.situations.length; })[0];
    return suited || plan.boxes.slice().sort(function (a, b) { return b.minutes - a.minutes; })[0];
  }

  /* The box whose advice gives the boxes other minutes, while `advice` is its mode on one of its situations, or
     null. */
  function advisedBox(plan, advice) {
    return plan.boxes.filter(function (box) { return box.advisedMinutes && advisedOn(box, advice).length; })[0] || null;
  }

  /* The minutes of each box ({id: minutes}) while `advice` holds: data/rhythm.yml's, or those its while_advised
     gives the boxes while the advice is its mode on one of its situations (a push talked through in four
     minutes: "about 1 fits", a VP of Sales). */
  function usualMinutes(plan, advice) {
    var usual = {};
    var advised = advisedBox(plan, advice);
    plan.boxes.forEach(function (box) { usual[box.id] = advised && box.id in advised.advisedMinutes ? advised.advisedMinutes[box.id] : box.minutes; });
    return usual;
  }

  /* The minutes of each box ({id: minutes}) at a 1:1 whose record's data is `data`, with `advice` the advice
     holding on its day: those the manager moved between the boxes for this 1:1 (the record's `minutes`), used
     while they name every box with a whole number, no fewer than its least (data-least-minutes), and add up to the
     1:1 (a leader may have changed the boxes since), else the usual ones (usualMinutes). */
  function minutesAt(plan, data, advice) {
    var usual = usualMinutes(plan, advice);
    var moved = data && data.minutes;
    if (!moved || typeof moved !== "object") return usual;
    var total = 0;
    var whole = plan.boxes.every(function (box) {
      var minutes = moved[box.id];
      total += minutes;
      return typeof minutes === "number" && minutes >= box.least && Math.floor(minutes) === minutes;
    });
    if (!whole || total !== plan.minutes) return usual;
    var kept = {};
    plan.boxes.forEach(function (box) { kept[box.id] = moved[box.id]; });
    return kept;
  }

  /* Minutes as the page writes a box's length: "10 min", "1 h", "1 h 10 min". */
  function durationOf(minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return Playbook.t("units.minutes", { minutes: rest });
    return rest ? Playbook.t("units.hours_minutes", { hours: hours, minutes: rest }) : Playbook.t("units.hours", { hours: hours });
  }

  /* The chosen rep's start records (Playbook.ramp: their first day), and the one that counts, or null. */
  function startRecords() {
    return Playbook.workspace.records({ kind: Playbook.ramp.KIND, tool: Playbook.ramp.TOOL });
  }
  function startRecord() {
    return Playbook.ramp.start(startRecords());
  }

  /* Copies of the nodes in `source` (a hidden data list's entry, rendered from data) appended to `into`. */
  function appendCopy(into, source) {
    Array.prototype.forEach.call(source.childNodes, function (node) { into.append(node.cloneNode(true)); });
  }

  /* The entry of `list` (the ladder's levels, the ramp plan's milestones) whose id is `id`, with its place on
     the list (1 for the first): {item, number}, or null when the list has none (a leader took it out). */
  function placeOf(list, id) {
    for (var i = 0; i < list.length; i += 1) if (list[i].id === id) return { item: list[i], number: i + 1 };
    return null;
  }

  /* Where a new rep whose first day is `first` stands on the ramp plan at the 1:1 of `date` (day 1 is the first
     day), given the rep's `records` (their time away moves a review, a 1:1 marked as one reviews it:
     Playbook.ramp) and `marked`, the id of the milestone this 1:1 is marked as the review of (or undefined): the
     words; the milestone to link to (the next review's); the reviews this 1:1 may be (offer: {choices, mark}):
     each not held at another 1:1 and opened by its date (Playbook.ramp.opened), and the one it is marked as, or
     null for none (a checker: a late day-30 review held after day 60's had opened could not be recorded); and
     the milestone whose checks to book (checks): the mark not yet held, else the next once opened. */
  function rampAt(plan, name, first, date, records, marked) {
    var ramp = Playbook.ramp;
    var day = ramp.day(first, date);
    var said = { name: name, first: Playbook.dates.day(first, "weekday"), day: day };
    if (!isFinite(day)) return null;
    if (day < 1) return { words: Playbook.t("plan_one_to_one.ramp_before", said), milestone: null, offer: null, checks: null };
    var reviews = ramp.reviews(plan.milestones, first, records, date);
    var mark = (placeOf(plan.milestones, marked) || {}).item;
    var next = reviews.next;
    /* two 1:1s marked for one milestone (files merged): this one is it, here */
    var booked = next && mark === next.milestone ? date : next && next.meeting ? next.meeting.date : null;
    var choices = reviews.each.filter(function (review) {
      return review.milestone === mark || ramp.opened(review.on, date) && !(review.meeting && review.meeting.held && review.meeting.date !== date);
    }).map(function (review) { return review.milestone; });
    var offer = choices.length ? { choices: choices, mark: mark || null } : null;
    var heldHere = reviews.each.some(function (review) { return review.milestone === mark && review.meeting && review.meeting.held && review.meeting.date === date; });
    var checks = mark ? (heldHere ? null : mark) : next && ramp.opened(next.on, date) ? next.milestone : null;
    if (!next) {
      var last = reviews.last;
      return { words: Playbook.t("plan_one_to_one.ramp_done", { name: name, milestone: last.milestone.name, date: Playbook.dates.day(last.meeting.date, "weekday") }), milestone: mark || null, offer: offer, checks: checks };
    }
    said.milestone = next.milestone.name;
    said.date = Playbook.dates.day(next.on, "weekday");
    said.figures = next.milestone.figures;
    var words = [next.on < date ? Playbook.t("plan_one_to_one.ramp_overdue", said) : Playbook.t("plan_one_to_one.ramp_day", said)];
    var on = booked && { date: Playbook.dates.day(booked, "weekday") };
    if (booked === date) words.push(Playbook.t("plan_one_to_one.ramp_this"));
    else if (booked > date) words.push(Playbook.t("plan_one_to_one.ramp_booked", on));
    else if (booked) words.push(Playbook.t("plan_one_to_one.ramp_booked_missed", on));
    else if (next.on < date) words.push(Playbook.t("plan_one_to_one.ramp_not_held"));
    /* a review passed over for the next: still to be marked on the 1:1 it was held in, if it was */
    if (reviews.passed.length) words.push(Playbook.t("plan_one_to_one.ramp_passed", { count: reviews.passed.length, milestones: Playbook.list(reviews.passed.map(function (review) { return Playbook.t("plan_one_to_one.milestone_named", { milestone: review.milestone.name }); })) }));
    return { words: words.join(" "), milestone: next.milestone, offer: offer, checks: checks };
  }

  /* An agenda's entries ({id, fingerprint, text}) as the bank stands now: each with its question (null once a
     leader took it out of the bank) and whether it was reworded since it was added (its fingerprint no longer
     the one it was added with). */
  function agendaItems(plan, entries) {
    return entries.map(function (entry) {
      var question = plan.questions[entry.id] || null;
      return { entry: entry, question: question, changed: Boolean(question && entry.fingerprint && entry.fingerprint !== question.fingerprint) };
    });
  }

  function questionsOf(items) {
    return items.map(function (item) { return item.question; }).filter(Boolean);
  }

  /* The questions a held 1:1's record keeps ({id, fingerprint, box, text}) as agenda entries, each with the
     wording it had on the agenda (records from before kept none). */
  function keptEntries(data) {
    return (Array.isArray(data.agenda) ? data.agenda : []).filter(function (item) {
      return item && typeof item.id === "string";
    }).map(function (item) {
      return { id: item.id, fingerprint: typeof item.fingerprint === "string" ? item.fingerprint : null, text: typeof item.text === "string" && item.text ? item.text.slice(0, 1000) : null, box: item.box };
    });
  }

  /* Agenda entries as a record keeps them: each with the box its question goes in (or had, once it left the
     bank) and its wording, so a look back still reads it once a leader rewords or removes the question. */
  function toKeep(plan, entries, date) {
    var advice = placing(plan, date);
    return entries.map(function (entry) {
      var question = plan.questions[entry.id];
      var kept = { id: entry.id, fingerprint: entry.fingerprint || (question ? question.fingerprint : null), box: question ? boxFor(plan, question, advice).id : entry.box, text: entry.text || (question ? question.text : null) };
      ["fingerprint", "box", "text"].forEach(function (key) { if (!kept[key]) delete kept[key]; });
      return kept;
    });
  }

  function oneToOnes(plan) {
    return Playbook.workspace.records({ kind: "one-to-one", tool: plan.tool });
  }

  /* The record of the last 1:1 held before `date`, or null. */
  function lastHeld(plan, date) {
    var held = oneToOnes(plan).filter(function (record) { return record.date < date && Playbook.commitments.held(record); });
    return held[held.length - 1] || null;
  }

  /* What "Agreed last time" shows at the 1:1 of `date` (Playbook.commitments.agreed): [{record, index,
     commitment}], each commitment a copy with `slips` counted by the 1:1s held up to `date`, as the team view
     and the rep history count them, so this one only once it is recorded as held (a manager read "slipped
     once" aloud before the 1:1 began, where the team view said it had not slipped). The stored one stays in
     record.data. */
  function agreedBefore(plan, date) {
    var records = oneToOnes(plan);
    var meetings = Playbook.commitments.heldUpTo(records, date);
    return Playbook.commitments.agreed(records, date).map(function (entry) {
      var commitment = JSON.parse(JSON.stringify(entry.commitment));
      commitment.slips = Playbook.commitments.slips(entry, meetings);
      return { record: entry.record, index: entry.index, commitment: commitment };
    });
  }

  /* What the agenda carries over, on paper and as text: the commitments still open. */
  function stillOpen(plan, date) {
    return agreedBefore(plan, date).filter(function (item) { return Playbook.commitments.state(item.commitment) === "open"; });
  }

  /* "a, b and c" */
  function listed(texts) {
    return texts.length > 1 ? Playbook.t("plan_one_to_one.listed", { first: texts.slice(0, -1).join(", "), last: texts[texts.length - 1] }) : texts.join("");
  }

  /* A commitment as the agenda states it: who, the due date (and the dates it was due before a new one was
     agreed), overdue as of `day` (the meeting's date on an agenda), how often it slipped, and when it was done
     or dropped (with why); `meeting`, the 1:1 it is described for, counts as a 1:1's day in saying whether one done
     after its due date was reported done at a 1:1 (commitments.reportedAt). The agenda may go to the
     rep in a calendar event, so the manager is "the manager", never "you". */
  function describe(commitment, day, meeting) {
    var found = Playbook.commitments;
    var now = found.state(commitment);
    var records = Playbook.workspace.records();
    var manager = Playbook.workspace.records({ rep: Playbook.timeAway.MANAGER });
    var was = found.wasDue(commitment, function (iso) { return shownDay(iso); }, records, manager);
    var due = { day: shownDay(commitment.due) };
    var parts = [commitment.owner === "rep" ? Playbook.t("plan_one_to_one.due_rep", due) : commitment.owner === "manager" ? Playbook.t("plan_one_to_one.due_manager", due) : Playbook.t("plan_one_to_one.due", due)];
    if (was.length) parts.push(Playbook.t("plan_one_to_one.was_due", { days: listed(was) }));
    if (found.overdueBy(commitment, records, day, manager)) parts.push(Playbook.t("plan_one_to_one.overdue"));
    if (commitment.slips) parts.push(found.slipped(commitment.slips));
    var late = found.daysLate(commitment, records, manager, meeting);
    var reported = found.reportedAt(commitment, records, meeting);
    var done = { day: shownDay(commitment.done), count: late };
    if (now === "done") parts.push(late ? Playbook.t("plan_one_to_one.done_late", done) : reported ? (reported.first ? Playbook.t("plan_one_to_one.done_reported", done) : Playbook.t("plan_one_to_one.done_reported_later", done)) : Playbook.t("plan_one_to_one.done_on", done));
    if (now === "dropped") {
      var dropped = { day: shownDay(commitment.dropped), reason: commitment.drop_reason };
      parts.push(commitment.drop_reason ? Playbook.t("plan_one_to_one.dropped_because", dropped) : Playbook.t("plan_one_to_one.dropped_on", dropped));
    }
    return Playbook.t("plan_one_to_one.described", { text: commitment.text, details: parts.join(", ") });
  }

  /* "Monday 30 November 2026 at 09:00" (dates.js's "full" day): the day written as every other date on the page
     is, in the reader's own order ("Monday, December 7, 2026" beside "Fri, Dec 11" for an American reader). */
  function longDate(date, time) {
    return Playbook.t("plan_one_to_one.long_date", { date: Playbook.dates.day(date, "full"), time: time });
  }

  /* A day on screen (dates.js): "Tue 12 May"; `plain` leaves out the weekday and spells the month ("12 May"). */
  function shownDay(iso, plain) {
    return Playbook.dates.day(iso, plain ? "plain" : "weekday");
  }

  function title() {
    var rep = Playbook.workspace.current();
    return rep === "me" ? Playbook.t("plan_one_to_one.my_title") : Playbook.t("plan_one_to_one.title_with", { rep: Playbook.workspace.name(rep) });
  }

  /* "My 1:1, Monday 30 November 2026 at 09:00, 30 minutes": the agenda's heading. */
  function heading(plan, when, data) {
    var said = Playbook.t("plan_one_to_one.heading", { title: title(), when: longDate(when.date, when.time), count: plan.minutes });
    var marked = markedReview(plan, data, when.date);
    return marked ? Playbook.t("plan_one_to_one.heading_review", { heading: said, milestone: marked.name }) : said;
  }

  /* The milestone a 1:1 of `date` is marked as the review of (`data`, its record's), or null: one of the ramp
     plan's, for a rep whose first day is saved and on or before it (a first day changed later leaves marks
     behind, a checker). */
  function markedReview(plan, data, date) {
    var marked = data && placeOf(plan.milestones, data.milestone);
    var start = marked && startRecord();
    return start && start.date <= date ? marked.item : null;
  }

  /* What a 1:1 marked as a milestone's review (`data`, its record's) is for, under the agenda's heading on screen
     and paper and in the copy; "" for any other 1:1. */
  function reviewLine(plan, data, date) {
    var marked = markedReview(plan, data, date);
    if (!marked) return "";
    var rep = Playbook.workspace.current();
    var said = { name: Playbook.workspace.name(rep), milestone: marked.name, looks: Playbook.t("ramp.good_looks_like"), checks: Playbook.t("ramp.manager_checks") };
    return rep === "me" ? Playbook.t("plan_one_to_one.review_agenda_mine", said) : Playbook.t("plan_one_to_one.review_agenda", said);
  }

  /* The agenda as plain text: heading, then each box with its minutes and questions, what was agreed last time
     in the box that reads it back (data/rhythm.yml's reads_back_commitments), as the screen and paper have it.
     With `record` (the data of a 1:1 recorded as held, for the copy a manager pastes into the CRM or sends the
     rep afterwards), also what was written in each box and the commitments agreed at this 1:1, in the box that
     agrees them; without it (an agenda sent ahead, whose notes may be the manager's own preparation), the
     agenda alone. */
  function agendaText(plan, when, chosen, record) {
    var meeting = oneToOnes(plan).filter(function (one) { return one.date === when.date; })[0];
    var lines = [heading(plan, when, meeting && meeting.data)];
    var agreed = stillOpen(plan, when.date);
    var notes = record ? Playbook.commitments.notes(record) : [];
    var made = record && Array.isArray(record.commitments) ? record.commitments : [];
    var advice = placing(plan, when.date);
    var minutes = minutesAt(plan, meeting && meeting.data, advice);
    var review = reviewLine(plan, meeting && meeting.data, when.date);
    if (review) lines.push(review);
    plan.boxes.forEach(function (box) {
      /* a box left out at this 1:1 asks none of its questions (its warning on screen says so) */
      var questions = !minutes[box.id] ? [] : chosen.filter(function (q) { return boxFor(plan, q, advice) === box; }).map(function (q) { return "- " + q.text; });
      lines.push("", box.name + " (" + boxLength(minutes[box.id]) + ")");
      if (box.advisedNote && advisedOn(box, advice).length) lines.push(box.advisedNote.textContent.trim());
      if (box.readsBack && agreed.length) {
        lines.push(Playbook.t("plan_one_to_one.agreed_last_time_text"));
        agreed.forEach(function (item) { lines.push("- " + describe(item.commitment, when.date, when.date)); });
        if (questions.length) lines.push(Playbook.t("plan_one_to_one.questions_text"));
      }
      lines.push.apply(lines, questions);
      notes.filter(function (note) { return note.box === box.id; }).forEach(function (note) { lines.push(Playbook.t("plan_one_to_one.written", { label: note.label, text: note.text })); });
      if (box.agrees && made.length) {
        lines.push(Playbook.t("plan_one_to_one.agreed_this_time_text"));
        made.forEach(function (commitment) { lines.push("- " + describe(commitment, when.date)); });
      }
    });
    return lines.join("\n");
  }

  /* "4 questions for 5 minutes: about 2 fit." when a box holds more questions than its minutes allow at the
     data's minutes a question, with where to move minutes (a checker: the warning didn't point to the time
     boxes), else "". */
  function overfull(plan, box, count, minutes) {
    var fit = Math.floor(minutes / plan.rules.minutesPerQuestion);
    if (count <= fit) return "";
    var questions = Playbook.t("plan_one_to_one.questions_count", { count: count });
    var said = minutes ? Playbook.t("plan_one_to_one.overfull", { questions: questions, minutes: Playbook.t("plan_one_to_one.minutes_count", { count: minutes }), fit: Playbook.t("plan_one_to_one.about_fit", { count: fit }) })
      : Playbook.t("plan_one_to_one.overfull_left_out", { questions: questions });
    return said + " " + Playbook.t("plan_one_to_one.overfull_change", { times: Playbook.t("plan_one_to_one.times_title"), count: count });
  }

  /* A box's length at a 1:1: its duration, or, moved to 0 minutes for this 1:1 (no deal to go through for a
     rep in their first week), that it is left out. */
  function boxLength(minutes) {
    return minutes ? durationOf(minutes) : Playbook.t("plan_one_to_one.box_left_out");
  }

  /* The level the suggestions aim at, as the self-assessment chose it (the weakest behaviours come from it): the
     lowest gap below the level reached, else the next one up, the first when none is reached, the top once it
     is; null without a complete result or when the level it names is no longer in the ladder. */
  function targetLevel(plan, result) {
    /* answers that placed the rep nowhere give no level to work towards (a manager read "working towards Order
       taker" under "Not placed on the ladder") */
    if (!result || result.complete !== true || result.same_answer === true) return null;
    var ids = plan.levels.map(function (level) { return level.id; });
    var reached = result.level && typeof result.level.id === "string" ? ids.indexOf(result.level.id) : -1;
    if (result.level && reached < 0) return null;
    var gap = gapsBelow(plan, result)[0];
    if (gap) return { id: gap.id, name: gap.name, why: Playbook.t("plan_one_to_one.level_gap"), gap: true };
    /* the level reached above waits for the basics: those are worked on first, as a gap is */
    var basics = waitingOnBasics(plan, result);
    if (basics) return { id: basics.basics.id, name: basics.basics.name, why: Playbook.t("plan_one_to_one.level_basics"), gap: true };
    var top = reached === ids.length - 1;
    var level = plan.levels[top ? reached : reached + 1];
    return level ? { id: level.id, name: level.name, why: top ? Playbook.t("plan_one_to_one.level_reached") : Playbook.t("plan_one_to_one.level_working_towards") } : null;
  }

  /* The result's level reached that waits for the basics, and the basics level to work on ({level, basics}), when
     both are levels of the ladder; else null. */
  function waitingOnBasics(plan, result) {
    var found = result && result.waiting_on_basics;
    var level = found && found.level && placeOf(plan.levels, found.level.id);
    var basics = found && found.basics && placeOf(plan.levels, found.basics.id);
    return level && basics ? { level: level.item, basics: basics.item } : null;
  }

  /* " The answers reach {level}, which counts once the basics are second nature: {basics} first.", or "". */
  function basicsNote(plan, result) {
    var found = waitingOnBasics(plan, result);
    return found ? Playbook.t("plan_one_to_one.waits_for_basics", { reached: found.level.name, basics: found.basics.name }) : "";
  }

  /* The levels below the rep's level that their answers don't reach: gaps to close, which don't cap the level. */
  function gapsBelow(plan, result) {
    var ids = plan.levels.map(function (level) { return level.id; });
    var at = result.level && typeof result.level.id === "string" ? ids.indexOf(result.level.id) : -1;
    var groups = Array.isArray(result.groups) ? result.groups : [];
    return plan.levels.slice(0, Math.max(at, 0)).filter(function (level) {
      return groups.some(function (group) { return group && group.id === level.id && group.reached === false; });
    });
  }

  /* A strong rep with gaps lower on the ladder, as the self-assessment's own result says it ("" when none). */
  function gapNote(plan, result) {
    var gaps = gapsBelow(plan, result);
    if (!gaps.length) return "";
    return " " + Playbook.t("plan_one_to_one.gap", { levels: Playbook.list(gaps.map(function (level) { return level.name; })) });
  }

  /* The level the answers reach but for one answer (the result's on_hold, assessment.js), as the form's headline
     says it: "" when none, or when its level is no longer on the page's ladder. */
  function holdNote(plan, result) {
    var hold = result.on_hold;
    if (!hold || typeof hold !== "object" || !hold.level || !hold.statement) return "";
    var level = placeOf(plan.levels, hold.level.id);
    if (!level || typeof hold.statement.text !== "string" || typeof hold.statement.answer !== "string") return "";
    return " " + Playbook.t("plan_one_to_one.on_hold", { level: level.item.name, number: level.number, statement: hold.statement.text, answer: hold.statement.answer });
  }

  /* The level above the one reached that unanswered statements keep from counting (the result's unanswered_at,
     assessment.js), as the form's headline says it: "" when none, or when its level is no longer on the ladder. */
  function unansweredNote(plan, result) {
    var at = result.unanswered_at;
    if (!at || typeof at !== "object" || !at.level || typeof at.why !== "string") return "";
    var level = placeOf(plan.levels, at.level.id);
    return level ? " " + Playbook.t("plan_one_to_one.unanswered_at", { level: level.item.name, number: level.number, why: at.why }) : "";
  }

  /* The answers changed after the form's headline named them (the result's raised, assessment.js), to ask for an
     example of: "" when none, or none readable. */
  function raisedNote(result) {
    var changed = Array.isArray(result.raised) ? result.raised.filter(function (entry) { return entry && typeof entry.text === "string" && typeof entry.from === "string" && typeof entry.to === "string"; }) : [];
    if (!changed.length) return "";
    return " " + Playbook.t("plan_one_to_one.raised", { count: changed.length, answers: Playbook.list(changed.map(function (entry) { return Playbook.t("assessment_result.raised_item", { statement: entry.text, from: entry.from, to: entry.to }); })) });
  }

  /* The behaviours the result left as not come up in the account (its not_come_up, assessment.js), to check on
     the next ride-along: "" when none, or none readable. */
  function notComeUpNote(result) {
    var absent = Array.isArray(result.not_come_up) ? result.not_come_up.filter(function (row) { return row && typeof row.text === "string"; }) : [];
    if (!absent.length) return "";
    return " " + Playbook.t("plan_one_to_one.not_come_up", { behaviours: Playbook.list(absent.map(function (row) { return Playbook.t("plan_one_to_one.quoted_behaviour", { text: row.text }); })) });
  }

  /* The questions on the rep's latest agendas before `date` (as many agendas as the data says), each with the
     date of the 1:1 it was last on: {id: "YYYY-MM-DD"}. An agenda is kept with its 1:1's record once the
     meeting's commitments are written down. */
  function askedLately(plan, date) {
    var asked = Object.create(null);
    var agendas = oneToOnes(plan).filter(function (record) {
      return record.date < date && Array.isArray(record.data.agenda) && record.data.agenda.length;
    });
    agendas.slice(Math.max(agendas.length - plan.rules.skipAsked, 0)).reverse().forEach(function (record) {
      record.data.agenda.forEach(function (item) {
        if (item && typeof item.id === "string" && !asked[item.id]) asked[item.id] = record.date;
      });
    });
    return asked;
  }

  /* What the rep's records give the suggestions for a 1:1 on `date`: the weakest behaviours of their latest
     level result, the level to aim at, the mode the decision helper last advised for them (none after a close
     call; advice older than the data's weeks is `lapsed` instead, said and not used) and the questions asked
     lately. */
  function grounds(plan, date) {
    var ws = Playbook.workspace;
    var latest = ws.latest({ kind: "assessment", tool: LEVEL_TOOL });
    var result = latest && latest.data.result;
    var weakest = result && Array.isArray(result.weakest) ? result.weakest.filter(function (w) { return w && typeof w.id === "string" && typeof w.text === "string"; }) : [];
    var advice = adviceAt(plan, date);
    /* the ride-alongs since the last 1:1 (null for none), in the order of plan.rated, whose statements' questions
       go with them: each call's result and what it put first, and for each behaviour put first the call that
       rated it lowest (the earlier on a tie), which alone gives it as a reason; with none since, the last one
       while its result still asks to see it again (seeAgain) */
    var observed = plan.rated.map(function (meeting) {
      var lowest = Object.create(null);
      var rated = ratedSince(meeting.kind, meeting.tool, date);
      var again = rated.length ? null : seeAgain(meeting.kind, meeting.tool, date);
      if (again) rated = again.records;
      /* a day of several calls names each */
      var onDay = Object.create(null);
      Playbook.workspace.records({ kind: meeting.kind, tool: meeting.tool }).forEach(function (record) {
        if (scored(record)) onDay[record.date] = (onDay[record.date] || 0) + 1;
      });
      var calls = rated.map(function (record) {
        var put = Array.isArray(record.data.result.weakest) ? record.data.result.weakest.filter(function (w) { return w && typeof w.id === "string" && typeof w.text === "string" && typeof w.answer === "string"; }) : [];
        var call = { day: Playbook.workspace.dayOf(record, "weekday", onDay[record.date]), result: record.data.result, weakest: put, notes: record.data.notes || {} };
        put.forEach(function (w) {
          var value = answerValue(record, w.id);
          if (!lowest[w.id] || value < lowest[w.id].value) lowest[w.id] = { call: call, value: value };
        });
        return call;
      });
      return calls.length ? { meeting: meeting, calls: calls, lowest: lowest, again: again } : null;
    });
    /* something to look back on: an earlier 1:1 with the rep, or a call rated since the last */
    var past = Playbook.commitments.heldDates(ws.records({ kind: "one-to-one" })).some(function (day) { return day < date; }) || observed.some(Boolean);
    /* a rep on the ramp plan (their first day known, up to the last milestone): its situation's questions */
    var start = startRecord();
    var day = start ? Playbook.ramp.day(start.date, date) : NaN;
    var last = plan.milestones.length ? plan.milestones[plan.milestones.length - 1].day : 0;
    var ramp = plan.rules.rampSituation && plan.situations[plan.rules.rampSituation] && day >= 1 && day <= last ? { day: day } : null;
    /* the boxes' minutes at that 1:1 and the advice placing questions in them, so the suggestions fit the boxes */
    var placed = placing(plan, date);
    var meeting = oneToOnes(plan).filter(function (record) { return record.date === date; })[0];
    return { result: result, date: latest && latest.date, weakest: weakest, observed: observed, level: targetLevel(plan, result), mode: advice.lapsed ? null : advice.advised, aside: advice.aside, situations: advice.situations, lapsed: advice.lapsed ? advice.advised : null, ramp: ramp, asked: askedLately(plan, date), past: past, placing: placed, minutes: minutesAt(plan, meeting && meeting.data, placed) };
  }

  /* The decision helper's latest advice for the rep as it stands at the 1:1 of `date`: the mode `advised` (null
     after a close call), whether it has `lapsed` (older than the data's weeks: said, not used), a cause outside
     the rep that sets the modes `aside` (decision.js: said while the advice holds, no mode's questions) and the
     `situations` of the signals a holding advice rests on (so a push on a slipping deal asks about it). */
  function adviceAt(plan, date) {
    /* advice given by that day only: a held 1:1's agenda keeps the boxes it had (a checker saw a push's questions
       move to the skill box of a past 1:1 once a later advice said coach) */
    var given = Playbook.workspace.records({ kind: "decision" }).filter(function (record) { return record.date <= date; });
    var decision = given[given.length - 1] || null;
    var outcome = decision && decision.data.outcome;
    var advised = typeof outcome === "string" && plan.modes[outcome] ? { id: outcome, name: plan.modes[outcome], date: decision.date } : null;
    var lapsed = Boolean(advised) && Playbook.dates.number(date) - Playbook.dates.number(advised.date) > plan.rules.adviceWeeks * 7;
    var aside = outcome === "circumstance" && Playbook.dates.number(date) - Playbook.dates.number(decision.date) <= plan.rules.adviceWeeks * 7 ? { date: decision.date } : null;
    var situations = advised && !lapsed && Array.isArray(decision.data.situations) ? decision.data.situations.filter(function (id) { return typeof id === "string" && plan.situations[id]; }) : [];
    return { advised: advised, lapsed: lapsed, aside: aside, situations: situations };
  }

  /* The advice that places questions in boxes (boxFor) at the 1:1 of `date`: its mode and situations while it
     holds, else null. */
  function placing(plan, date) {
    var advice = adviceAt(plan, date);
    return advice.advised && !advice.lapsed ? { mode: advice.advised.id, situations: advice.situations } : null;
  }

  /* The value a record's answer to statement `id` was given (saved as {value} or, before fingerprints, a bare
     number); Infinity when there is none, so any rated answer is lower. */
  function answerValue(record, id) {
    var answer = record.data.answers && record.data.answers[id];
    var value = answer && typeof answer === "object" ? answer.value : answer;
    return typeof value === "number" ? value : Infinity;
  }

  /* The calls rated with `kind` and `tool` (a ride-along, one or two calls on its day) with a complete result, by
     `date` and held or written up after the rep's last 1:1 before `date`, oldest first: what they found is new to
     this 1:1. [] if none. */
  function ratedSince(kind, tool, date) {
    var ws = Playbook.workspace;
    var before = Playbook.commitments.heldDates(ws.records({ kind: "one-to-one" })).filter(function (day) { return day < date; });
    var since = before[before.length - 1] || "";
    var rated = ws.records({ kind: kind, tool: tool }).filter(function (record) {
      return (record.date > since || ws.savedDay(record) > since) && record.date <= date && scored(record);
    });
    return rated;
  }

  /* Whether a record has a complete result, with its score and band. */
  function scored(record) {
    var result = record.data.result;
    return !!result && result.complete === true && typeof result.score === "number" && typeof result.band === "string";
  }

  /* The last day's calls rated with `kind` and `tool` by `date` that asked for the next sooner (a "Back to basics"
     band's again_within_days): with no call since to show whether it has stuck, what they found stays on the 1:1's
     agenda, as the team view keeps the next one due sooner. {records, days, band, date} (the soonest asked for),
     or null. */
  function seeAgain(kind, tool, date) {
    var done = Playbook.workspace.records({ kind: kind, tool: tool }).filter(function (record) { return record.date <= date && scored(record); });
    var last = done.length ? done[done.length - 1].date : null;
    var day = done.filter(function (record) { return record.date === last; });
    var asking = day.filter(Playbook.workspace.againWithin);
    var soonest = asking.slice().sort(function (a, b) { return Playbook.workspace.againWithin(a) - Playbook.workspace.againWithin(b); })[0];
    /* only the calls that asked: a good call the same day has nothing to see again */
    return soonest ? { records: asking, days: Playbook.workspace.againWithin(soonest), band: soonest.data.result.band, date: last } : null;
  }

  /* What each reason weighs: a weakest behaviour's own question (7, less a tenth per rank: 6.8 for the third,
     the last a result keeps) outweighs a level, a mode and the advice's situation together (6.5); an essential
     behaviour a call put first (a next step asked for) half a point more, so its questions lead whichever of the
     calls since the last 1:1 it came from. The advice's situation outweighs the level, so a rep pushed on a
     slipping floor is asked about the calling block, not about the next level's deals (a sales VP). */
  var WEIGHT = { weakest: 7, essential: 0.5, level: 2, mode: 2, situation: 2.5 };
  /* While the decision helper's advice holds, this many of the suggestions suit its mode, so the advice changes
     what is proposed (a rep to step back from is asked questions that hand them the decisions). */
  var FOR_THE_MODE = 3;

  /* Why `question` suits this rep, strongest reason first: [[weight, words, for a weak behaviour]]. */
  function reasons(plan, question, ground) {
    var why = [];
    ground.weakest.some(function (w, rank) {
      if ((plan.behaviours[w.id] || []).indexOf(question.id) < 0) return false;
      var behaviour = { behaviour: Playbook.inSentence(w.text) };
      why.push([WEIGHT.weakest - rank / 10, w.answer === null ? Playbook.t("plan_one_to_one.why_unrated", behaviour)
        : plan.habits[w.id] ? Playbook.t("plan_one_to_one.why_habit", behaviour) : Playbook.t("plan_one_to_one.why_weakest", behaviour), true]);
      return true;
    });
    /* a behaviour a ride-along since the last 1:1 put first weighs as a weakest behaviour does, named once: for
       the call that rated it lowest */
    ground.observed.forEach(function (seen) {
      (seen ? seen.calls : []).forEach(function (call) {
        call.weakest.some(function (w, rank) {
          if (seen.lowest[w.id].call !== call || (seen.meeting.questions[w.id] || []).indexOf(question.id) < 0) return false;
          why.push([WEIGHT.weakest - rank / 10 + (seen.meeting.essential[w.id] ? WEIGHT.essential : 0), Playbook.t("plan_one_to_one.why_observed", { behaviour: Playbook.inSentence(w.text), answer: w.answer, meeting: seen.meeting.meeting, day: call.day }), true]);
          return true;
        });
      });
    });
    /* a gap below the rep's level is worked on through its weak behaviours' questions, not that level's others (a
       manager's strategic adviser with a CRM gap was offered a new rep's call preparation) */
    if (ground.level && !ground.level.gap && question.levels.indexOf(ground.level.id) >= 0) why.push([WEIGHT.level, Playbook.t("plan_one_to_one.why_level", { level: ground.level.name, why: ground.level.why }), false]);
    if (ground.mode && question.modes.indexOf(ground.mode.id) >= 0) {
      /* One for the situation the advice was given on ranks first among the mode's. */
      var on = ground.situations.filter(function (id) { return question.situations.indexOf(id) >= 0; })[0];
      /* the mode alone is marked: it doesn't make a question suit advice given on a situation */
      why.push(on ? [WEIGHT.mode + WEIGHT.situation, Playbook.t("plan_one_to_one.why_mode_situation", { mode: ground.mode.name, situation: plan.situations[on] }), false]
        : [WEIGHT.mode, Playbook.t("plan_one_to_one.why_mode", { mode: ground.mode.name }), false, ground.situations.length > 0]);
    }
    /* a rep on the ramp plan is asked its situation's questions, as the advice's situation's are */
    if (ground.ramp && question.situations.indexOf(plan.rules.rampSituation) >= 0) why.push([WEIGHT.situation, Playbook.t("plan_one_to_one.why_ramp", { situation: plan.situations[plan.rules.rampSituation], day: ground.ramp.day }), false]);
    return why;
  }

  /* A question's place among the suggestions: its reasons, whether one is a weak behaviour's, whether it suits
     the advised mode or was made for another one only, when it was last asked (if lately) and its score. */
  function standing(plan, question, ground, index) {
    var why = reasons(plan, question, ground);
    var asked = ground.asked[question.id] || null;
    var suits = Boolean(ground.mode) && question.modes.indexOf(ground.mode.id) >= 0;
    return {
      question: question, why: why, index: index, asked: asked, suits: suits,
      weak: why.some(function (reason) { return reason[2]; }),
      /* of the advised mode, on a situation the advice rests on: still worth asking while the advice holds, as
         the push's numbers are agreed every week (a VP of Sales: "in numbers" dropped out in the second week) */
      onAdvice: suits && question.situations.some(function (id) { return ground.situations.indexOf(id) >= 0; }),
      otherMode: Boolean(ground.mode) && question.modes.length > 0 && !suits,
      score: why.reduce(function (sum, reason) { return sum + reason[0]; }, 0)
    };
  }

  function sentence(parts) {
    var text = parts.join("; ");
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  /* The suggestion's line: its reasons, or the manager's choice, and when it was asked lately. */
  function line(found, choice) {
    var parts = found.why.map(function (reason) { return reason[1]; });
    if (!parts.length) parts.push(choice);
    if (found.asked) parts.push(found.weak ? Playbook.t("plan_one_to_one.asked_still_weak", { day: shownDay(found.asked) }) : Playbook.t("plan_one_to_one.asked", { day: shownDay(found.asked) }));
    return sentence(parts);
  }

  /* Whether what `question` takes for granted has happened, as the rep's records show (data/rhythm.yml's
     one_to_one_planner), unless the manager chose it: a stage that looks back, something to look back on (a
     chosen stage lists it anyway, a chosen situation doesn't: a first 1:1 has no test agreed to ask about); a
     question for none but situations the rep is in only when something happened, advice resting on one of them
     (or that situation chosen). */
  function happened(plan, question, ground, chosen) {
    var only = plan.rules.whenAdvised;
    return (chosen.stage || ground.past || !looksBack(plan, question))
      && (chosen.situation || question.situations.some(function (id) { return only.indexOf(id) < 0 || ground.situations.indexOf(id) >= 0; }));
  }

  /* 1 for a question of a stage that looks back (data/rhythm.yml's stages_that_look_back), else 0. */
  function looksBack(plan, question) {
    return plan.rules.lookingBack.indexOf(question.stage) >= 0 ? 1 : 0;
  }

  /* Suggested for the advised mode alone while the advice rests on a situation, which the question doesn't
     serve: not offered unasked (a VP of Sales: a customer-meeting question on the agenda of a push on conduct). */
  function modeOnly(found) {
    return found.why.length > 0 && found.why.every(function (reason) { return reason[3] === true; });
  }

  /* Asked lately, for no weak behaviour and not for the advice's situation: after every other suggestion. */
  function stale(found) {
    return Boolean(found.asked) && !found.weak && !found.onAdvice;
  }

  /* The questions to suggest, best first, each {question, line}: those of the stage and situation the manager
     chose (either may be "any"), ranked by their reasons, those asked lately after every fresh one so the
     manager sees new questions each week, except a weak behaviour's, which keeps its place after the fresh
     questions of weak behaviours while the behaviour is among the weakest (the skill worked on stays in the 1:1
     until the rep has it: a manager found the rep's CRM-logging questions gone the week after, fillers in their
     place); FOR_THE_MODE of them suiting the advised mode when enough do; without
     a chosen stage, one from each stage before a second, and at most PER_STAGE, so they span the conversation.
     With nothing chosen, only questions that have a reason (the advised mode alone is none while the advice rests
     on a situation), none made only for another mode than the advised one, none asked lately, except a weak
     behaviour's question or one for the advice's situation, which stay possible, and no more
     for a box than fit in it; chosen or not, only those
     whose ground has happened (`happened`: a weak behaviour's "What did you learn from trying it?" waits for
     something tried). */
  function suggest(plan, ground, chosen) {
    var picked = [];
    var perStage = Object.create(null);
    var choice = chosen.stage && chosen.situation ? Playbook.t("plan_one_to_one.in_stage_and_situation") : chosen.stage ? Playbook.t("plan_one_to_one.in_stage") : chosen.situation ? Playbook.t("plan_one_to_one.in_situation") : "";
    var ranked = plan.order.filter(function (q) {
      return (!chosen.stage || q.stage === chosen.stage) && (!chosen.situation || q.situations.indexOf(chosen.situation) >= 0);
    }).map(function (q, index) {
      return standing(plan, q, ground, index);
    }).filter(function (found) {
      return happened(plan, found.question, ground, chosen) && (choice || found.weak || found.onAdvice || (found.score > 0 && !found.asked && !found.otherMode && !modeOnly(found)));
    }).sort(function (a, b) {
      /* with a situation chosen or advised, its own questions before those that serve several (a new rep's
         "Which part of the job feels hardest so far?" before call questions tagged for new reps among others; a
         push on the floor's "What will you commit to this week, in numbers, towards your target?" before "What
         will you do first?") */
      var own = chosen.situation || ground.situations.length ? a.question.situations.length - b.question.situations.length : 0;
      var weakAsked = a.weak && b.weak ? Boolean(a.asked) - Boolean(b.asked) : 0;
      /* once there is a 1:1 to look back on, a question that does comes first among equals: the 1:1 opens by
         reading back, and the box that does so has room for few (a push's second week) */
      var back = ground.past ? looksBack(plan, b.question) - looksBack(plan, a.question) : 0;
      return stale(a) - stale(b) || weakAsked || b.score - a.score || back || own || a.index - b.index;
    });
    /* with nothing chosen, no more for a box than fit in its minutes at this 1:1 (a VP of Sales: the planner's own
       six overfilled the box it put them in) */
    var room = Object.create(null);
    plan.boxes.forEach(function (box) { room[box.id] = Math.floor(ground.minutes[box.id] / plan.rules.minutesPerQuestion); });
    function take(found, most, perStageMost) {
      var stage = found.question.stage;
      if (picked.length >= most || picked.indexOf(found) >= 0 || (!chosen.stage && (perStage[stage] || 0) >= perStageMost)) return;
      var box = boxFor(plan, found.question, ground.placing).id;
      if (!choice && room[box] < 1) return;
      room[box] -= 1;
      perStage[stage] = (perStage[stage] || 0) + 1;
      picked.push(found);
    }
    ranked.filter(function (found) { return found.suits; }).forEach(function (found) { take(found, FOR_THE_MODE, PER_STAGE); });
    /* the best of each stage first, then seconds: equal reasons would otherwise fill the six from the bank's
       first stages, and the commitments box would never be offered a question */
    ranked.forEach(function (found) { take(found, SUGGESTED, 1); });
    ranked.forEach(function (found) { take(found, SUGGESTED, PER_STAGE); });
    return ranked.filter(function (found) { return picked.indexOf(found) >= 0; }).map(function (found) {
      return { question: found.question, line: line(found, choice) };
    });
  }

  function fileName(text) {
    return Playbook.fileSlug(text, "one-to-one");
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var page = form.closest("[data-plan-page]");
    var plan = readPage(page);
    var ws = Playbook.workspace;
    var status = form.querySelector("[data-plan-status]");
    var showAgreed = Playbook.agreedList(form, {
      day: function () { return when().date; },
      save: function (day, data) { return tool.record("one-to-one", plan.tool, data, day); },
      keep: function () { return saveMeeting(meetingRecord()); },
      redraw: function () { render(); },
      describe: describe,
      shownDay: shownDay,
      item: item,
      button: button
    });
    var tool = ws.attach(form, function () { repDay(); setTime(true); render(); }, status);
    var date = form.querySelector("[data-plan-date]");
    var time = form.querySelector("[data-plan-time]");
    var filters = each(form, "[data-plan-filter]");
    var agenda = form.querySelector("[data-plan-agenda]");
    var agendaHeading = form.querySelector("#plan-agenda-title");
    /* the rep and date whose notes the text boxes show ("rep YYYY-MM-DD") */
    var notesShown = null;
    /* what the level paragraph says (with its link) while the rep has no result, cloned back when needed */
    var noLevel = Array.prototype.slice.call(form.querySelector("[data-plan-level]").childNodes).map(function (node) { return node.cloneNode(true); });
    page.querySelector("[data-plan-blank]").hidden = true;
    form.hidden = false;
    /* The day a 1:1 is for when none is typed: today, or on a day off the next working day (a manager preparing
       Monday's 1:1s on Sunday; one writing up Friday's on Saturday changes the date). */
    function firstDay() {
      return Playbook.workdays.onOrAfterIso(ws.today());
    }
    date.value = firstDay();

    function when() {
      return { date: date.value || firstDay(), time: time.value || time.defaultValue };
    }

    /* The time of the chosen date's 1:1 as recorded; else, for a rep just chosen, of their latest 1:1 before it
       (a rep's 1:1 is usually at the same time each week) or the page's, the time the team books meetings from
       once the calling block is over (data/bootcamp.yml's meetings_from); else the time as typed. */
    function setTime(repChosen) {
      var timed = oneToOnes(plan).filter(function (record) {
        return record.date <= when().date && timeOf(record) !== null;
      }).sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
      var latest = timed[timed.length - 1];
      if (latest && latest.date === when().date) time.value = latest.data.time;
      else if (repChosen) time.value = latest ? latest.data.time : freeFrom(time.defaultValue);
    }

    /* A record's time of day in minutes, or null. */
    function timeOf(record) {
      var found = typeof record.data.time === "string" && /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(record.data.time);
      return found ? Number(found[1]) * 60 + Number(found[2]) : null;
    }

    function clock(minutes) {
      return String(Math.floor(minutes / 60)).padStart(2, "0") + ":" + String(minutes % 60).padStart(2, "0");
    }

    /* The other reps' 1:1s on the day being planned that overlap one starting at `at` (minutes), each {name, at}:
       a manager holds one 1:1 at a time (a manager's week: every new rep's 1:1 opened at the same time). */
    function clashes(at) {
      var ws = Playbook.workspace;
      var mine = ws.current();
      return ws.reps().filter(function (rep) { return rep.id !== mine; }).map(function (rep) {
        var theirs = ws.records({ rep: rep.id, kind: "one-to-one", tool: plan.tool }).filter(function (record) {
          var start = record.date === when().date ? timeOf(record) : null;
          return start !== null && start < at + plan.minutes && at < start + plan.minutes;
        })[0];
        return theirs ? { name: rep.name, at: timeOf(theirs) } : null;
      }).filter(Boolean);
    }

    /* `wanted` ("HH:MM"), or the end of the other reps' 1:1s it would overlap that day, so a rep with no time
       of their own opens on a free slot. */
    function freeFrom(wanted) {
      var at = timeOf({ data: { time: wanted } });
      if (at === null) return wanted;
      for (var found = clashes(at); found.length && at < 24 * 60 - plan.minutes; found = clashes(at)) {
        at = Math.max.apply(null, found.map(function (one) { return one.at; })) + plan.minutes;
      }
      return at < 24 * 60 - plan.minutes ? clock(at) : wanted;
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
      var add = button(chosen.indexOf(question.id) >= 0 ? Playbook.t("plan_one_to_one.added_button") : Playbook.t("plan_one_to_one.add_button"), function () {
        var list = li.parentNode;
        var kept = agendaNow().kept;
        if (changeAgenda(current(question), false)) render();
        /* the lists are drawn afresh: keep the keyboard on this question's new button */
        var again = list.querySelector('li[data-question="' + question.id + '"] button');
        if (again) again.focus();
        var now = agendaNow();
        var added = now.ids.indexOf(question.id) >= 0;
        var advice = placing(plan, when().date);
        var box = boxFor(plan, question, advice);
        var full = added ? overfull(plan, box, now.questions.filter(function (q) { return boxFor(plan, q, advice) === box; }).length, minutesAt(plan, now.data, advice)[box.id]) : "";
        var said = { question: question.text };
        status.textContent = (added ? Playbook.t("plan_one_to_one.added", said) : kept ? Playbook.t("plan_one_to_one.taken_off_kept", said) : Playbook.t("plan_one_to_one.taken_off", said)) + (full ? " " + box.name + ": " + full : "");
      });
      add.setAttribute("aria-pressed", String(chosen.indexOf(question.id) >= 0));
      add.setAttribute("aria-label", Playbook.t("question_basket.add_label", { action: add.textContent, question: Playbook.firstWords(question.text) }));
      li.append(" ", add, " ", note(found.line, "pb-plan__why"));
      return li;
    }

    /* The latest "Which level am I?" result with its weakest behaviours, and the decision helper's advice. */
    function renderLevel(ground) {
      var result = ground.result;
      var summary = form.querySelector("[data-plan-level]");
      summary.textContent = "";
      /* The level reached, out of the ladder's; no overall percentage: it is the score over every level, which
         reads as a score for the level named beside it. */
      if (result && result.level && typeof result.level.name === "string") summary.textContent = Playbook.t("plan_one_to_one.level_result", { number: result.level.number, total: plan.levels.length, level: result.level.name, day: shownDay(ground.date), rating: Playbook.levelRating.describe(result) }) + gapNote(plan, result) + basicsNote(plan, result) + holdNote(plan, result) + unansweredNote(plan, result) + raisedNote(result) + notComeUpNote(result);
      else if (result && result.complete === true && unansweredNote(plan, result)) summary.textContent = Playbook.t("plan_one_to_one.no_level_yet", { day: shownDay(ground.date), rating: Playbook.levelRating.describe(result) }) + unansweredNote(plan, result) + notComeUpNote(result);
      else if (result && result.complete === true && result.same_answer === true) summary.textContent = Playbook.t("plan_one_to_one.same_answer", { day: shownDay(ground.date), rating: Playbook.levelRating.describe(result) });
      else if (result && result.complete === true && ground.level) summary.textContent = Playbook.t("plan_one_to_one.no_level_reached", { day: shownDay(ground.date), rating: Playbook.levelRating.describe(result), level: ground.level.name }) + gapNote(plan, result) + holdNote(plan, result) + raisedNote(result) + notComeUpNote(result);
      else noLevel.forEach(function (node) { summary.append(node.cloneNode(true)); });
      var list = form.querySelector("[data-plan-weakest]");
      list.textContent = "";
      ground.weakest.forEach(function (w) {
        list.append(item(w.answer === null ? Playbook.t("plan_one_to_one.not_rated", { behaviour: w.text }) : plan.habits[w.id] ? Playbook.t("plan_one_to_one.habit", { behaviour: w.text }) : w.text));
      });
      var intro = form.querySelector("[data-plan-weakest-intro]");
      intro.hidden = !ground.weakest.length;
      intro.textContent = ground.level ? Playbook.t("plan_one_to_one.work_on_at", { level: ground.level.name }) : Playbook.t("plan_one_to_one.work_on");
      var advice = form.querySelector("[data-plan-advice]");
      advice.hidden = !ground.mode && !ground.lapsed && !ground.aside;
      if (ground.mode) advice.textContent = Playbook.t("plan_one_to_one.advice", { mode: ground.mode.name, day: shownDay(ground.mode.date) });
      else if (ground.aside) advice.textContent = Playbook.t("plan_one_to_one.advice_aside", { day: shownDay(ground.aside.date) });
      else if (ground.lapsed) advice.textContent = Playbook.t("plan_one_to_one.advice_lapsed", { day: shownDay(ground.lapsed.date, true), count: plan.rules.adviceWeeks });
      else advice.textContent = "";
      form.querySelectorAll("[data-plan-rated]").forEach(function (part, index) { renderRated(part, ground.observed[index]); });
    }

    /* A ride-along since the last 1:1 (`seen`, from grounds): for each of its calls, its day, score and band, the
       behaviours its result put first, and what its debrief agreed (the one thing to work on, when to look again):
       the 1:1 follows those up. */
    function renderRated(part, seen) {
      part.hidden = !seen;
      var again = seen && seen.again;
      part.querySelector("h3").textContent = again ? part.dataset.againTitle : part.dataset.title;
      var calls = part.querySelector("[data-plan-rated-calls]");
      calls.textContent = "";
      if (again) {
        var why = document.createElement("p");
        why.dataset.planRatedAgain = "";
        why.textContent = Playbook.t("plan_one_to_one.rated_again", { meeting: part.dataset.meeting, day: shownDay(again.date), band: again.band, days: again.days });
        calls.append(why);
      }
      (seen ? seen.calls : []).forEach(function (call) {
        var said = document.createElement("p");
        said.dataset.planRatedSaid = "";
        /* the band as the result named it: held below the score's by an essential short, or failed by one missed */
        var band = call.result.held === "missed" ? Playbook.t("plan_one_to_one.band_failed", { band: call.result.band })
          : call.result.held === "short" ? Playbook.t("plan_one_to_one.band_held", { band: call.result.band })
          : call.result.held === "missed-behaviour" ? Playbook.t("plan_one_to_one.band_held_missed", { band: call.result.band }) : Playbook.t("plan_one_to_one.band", { band: call.result.band });
        var words = { day: call.day, result: part.dataset.resultName, score: call.result.score, band: band };
        said.textContent = call.weakest.length ? Playbook.t("plan_one_to_one.rated_since", words) : Playbook.t("plan_one_to_one.rated_since_all_well", words);
        var list = document.createElement("ul");
        list.dataset.planRatedList = "";
        call.weakest.forEach(function (w) { list.append(item(Playbook.t("plan_one_to_one.rated_behaviour", { behaviour: w.text, answer: w.answer }))); });
        calls.append(said, list);
        /* what its band advised (a top call: walk the team through it; a weak one: practise it this week): the line
           above says when an essential put the result in that band */
        var advised = Array.prototype.filter.call(part.querySelectorAll("[data-plan-rated-bands] > li"), function (li) { return li.dataset.band === call.result.band; })[0];
        if (advised) {
          var advice = document.createElement("p");
          advice.dataset.planRatedAdvice = "";
          advice.append(Playbook.t("plan_one_to_one.rated_advice"), " ");
          appendCopy(advice, advised);
          calls.append(advice);
        }
        part.querySelectorAll("[data-plan-rated-notes] > li").forEach(function (prompt) {
          var answer = call.notes[prompt.dataset.note];
          if (typeof answer !== "string" || !answer.trim()) return;
          var agreed = document.createElement("p");
          agreed.dataset.planRatedNote = "";
          agreed.textContent = Playbook.t("plan_one_to_one.rated_note", { prompt: prompt.textContent, answer: answer.trim() });
          calls.append(agreed);
        });
      });
    }

    function renderSuggestions(ground) {
      var chosen = { stage: form.querySelector("[data-plan-filter=stage]").value, situation: form.querySelector("[data-plan-filter=situations]").value };
      var found = suggest(plan, ground, chosen);
      var ids = agendaNow().ids;
      var list = form.querySelector("[data-plan-suggestions]");
      list.textContent = "";
      found.forEach(function (one) { list.append(suggestion(one, ids)); });
      var none = form.querySelector("[data-plan-suggest-none]");
      none.hidden = found.length > 0;
      none.textContent = chosen.stage || chosen.situation ? Playbook.t("plan_one_to_one.none_chosen") : Playbook.t("plan_one_to_one.none_yet");
    }

    /* Takes a question off the agenda and says so, the keyboard kept in the basket (the agenda's heading once
       it is empty). */
    function removeQuestion(pressed, entry, text) {
      var stored = false;
      var kept = agendaNow().kept;
      keepFocus(agenda, "[data-plan-remove]", pressed, agendaHeading, function () {
        stored = changeAgenda(entry, false);
        if (stored) render();
      });
      if (!stored) return;
      var left = agendaNow().entries.length;
      status.textContent = kept ? Playbook.t("plan_one_to_one.taken_off_kept", { question: text }) : left ? Playbook.t("plan_one_to_one.taken_off_left", { question: text, count: left }) : Playbook.t("plan_one_to_one.taken_off_empty", { question: text });
    }

    function removeButton(chosen, text) {
      var remove = button(Playbook.t("plan_one_to_one.remove"), function () { removeQuestion(remove, chosen.entry, text); });
      remove.dataset.planRemove = "";
      remove.setAttribute("aria-label", Playbook.t("plan_one_to_one.remove_label", { text: text }));
      return remove;
    }

    /* A question on the agenda in its present wording; one a leader has reworded since it was added says so,
       on screen, until it is kept or removed. */
    function agendaItem(chosen) {
      var question = chosen.question;
      var li = item(question.text);
      li.dataset.question = question.id;
      if (chosen.changed) {
        var keep = button(Playbook.t("plan_one_to_one.keep"), function () {
          if (!changeAgenda(current(question), true)) return;
          render();
          agenda.querySelector('li[data-question="' + question.id + '"] [data-plan-remove]').focus();
          status.textContent = Playbook.t("plan_one_to_one.kept", { question: question.text });
        });
        keep.setAttribute("aria-label", Playbook.t("plan_one_to_one.keep_label", { question: question.text }));
        li.append(" ", note(Playbook.t("plan_one_to_one.changed"), "pb-plan__changed pb-plan__screen"), " ", keep);
      }
      li.append(" ", removeButton(chosen, question.text));
      return li;
    }

    /* A question a leader took out of the bank after it was added: a note in its place, until removed. */
    function goneItem(chosen) {
      var text = chosen.entry.text;
      var li = item(text ? Playbook.t("plan_one_to_one.gone", { question: text }) : Playbook.t("plan_one_to_one.gone_unknown"));
      li.append(" ", removeButton(chosen, text || Playbook.t("plan_one_to_one.gone_name")));
      return li;
    }

    /* A 1:1 planned on a day the rep is away (time-away.js) says so, with the day they are back. */
    function renderAway() {
      var note = form.querySelector("[data-plan-away]");
      var away = awayThen();
      var said = away ? Playbook.t("plan_one_to_one.away", { name: ws.name(ws.current()), from: shownDay(away.from), back: shownDay(away.back) }) : "";
      if (note.textContent !== said) note.textContent = said;  /* a status: said again only when it changes */
      note.hidden = !away;
    }

    /* The commitments still open, in the box where they are read back (after the rep's topic in the example),
       on screen and on paper alike, as the text copy and the calendar event have them. */
    function renderReadBack() {
      var date = when().date;
      var agreed = stillOpen(plan, date);
      var readBack = form.querySelector("[data-plan-agenda-agreed]");
      var list = readBack.querySelector("ul");
      list.textContent = "";
      agreed.forEach(function (entry) { list.append(item(describe(entry.commitment, date, date))); });
      readBack.hidden = !agreed.length;
    }

    function renderAgenda() {
      var now = agendaNow();
      var chosen = now.items;
      form.querySelector("[data-plan-kept]").hidden = !now.kept;
      form.querySelector("[data-plan-heading]").textContent = heading(plan, when(), now.data);
      form.querySelector("[data-plan-paper-heading]").textContent = heading(plan, when(), null);
      renderReviewSheet(markedReview(plan, now.data, when().date));
      var review = form.querySelector("[data-plan-review]");
      review.textContent = reviewLine(plan, now.data, when().date);
      review.hidden = !review.textContent;
      renderAway();
      renderReadBack();
      var advice = placing(plan, when().date);
      var minutes = minutesAt(plan, now.data, advice);
      plan.boxes.forEach(function (box) {
        var inBox = chosen.filter(function (c) { return c.question && boxFor(plan, c.question, advice) === box; });
        box.list.textContent = "";
        inBox.forEach(function (c) { box.list.append(agendaItem(c)); });
        box.shown.textContent = boxLength(minutes[box.id]);
        /* left out: neither its questions nor its lines to write on go on paper (a sales leader) */
        box.list.classList.toggle("pb-plan__screen", !minutes[box.id]);
        var lines = box.list.closest("[data-plan-box]").querySelector("[data-plan-notes]");
        if (lines) lines.classList.toggle("pb-plan__screen", !minutes[box.id]);
        box.overfull.textContent = overfull(plan, box, inBox.length, minutes[box.id]);
        box.overfull.hidden = !box.overfull.textContent;
        /* what the manager does in the box while its advice holds (a VP of Sales: the push's 11 minutes said
           nothing of what they are for) */
        if (box.advisedNote) box.advisedNote.hidden = !advisedOn(box, advice).length;
        showAdvisedLines(box, advice);
      });
      var gone = form.querySelector("[data-plan-gone]");
      gone.textContent = "";
      chosen.filter(function (c) { return !c.question; }).forEach(function (c) { gone.append(goneItem(c)); });
      gone.hidden = !gone.children.length;
    }

    /* The boxes' minutes for the chosen date's 1:1 in their fields (unless `typing`, when the manager's own
       figures stay), and what they come to. */
    function renderTimes(typing) {
      var advice = placing(plan, when().date);
      var usual = usualMinutes(plan, advice);
      var minutes = minutesAt(plan, meetingRecord(), advice);
      var fields = each(form, "[data-plan-box-time]");
      if (!typing) fields.forEach(function (field) { field.value = String(minutes[field.dataset.planBoxTime]); });
      var typed = timesTyped(fields);
      var moved = plan.boxes.some(function (box) { return minutes[box.id] !== usual[box.id]; });
      /* a field that isn't whole minutes from 0 is named, and marked, rather than summed (a checker read "-1 h -16 min"),
         as is one at 0 that can't be left out */
      var bad = fields.filter(function (field) { return !wholeMinutes(field); });
      var kept = fields.filter(function (field) { return wholeMinutes(field) && Number(field.value) < boxOf(field).least; });
      fields.forEach(function (field) { if (bad.indexOf(field) >= 0 || kept.indexOf(field) >= 0) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid"); });
      var named = function (list) { return Playbook.list(list.map(function (field) { return boxNamed(boxOf(field)); })); };
      var said = bad.length ? Playbook.t("plan_one_to_one.times_whole", { boxes: named(bad) })
        : kept.length ? Playbook.t("plan_one_to_one.times_kept", { boxes: named(kept), count: kept.length })
        : typed === null ? Playbook.t("plan_one_to_one.times_off", { total: durationOf(sumOf(fields)), minutes: durationOf(plan.minutes) })
        : moved ? timesMoved(typed || minutes) : usualSaid(advice);
      /* the button brings back the times the page gives: a push week's while one holds (a VP of Sales: "usual"
         gave 14 and 10, not the 1:1 page's 4 and 20) */
      form.querySelector("[data-plan-times-usual]").textContent = advisedBox(plan, advice) ? Playbook.t("plan_one_to_one.times_advised_button", { mode: plan.modes[advice.mode] }) : Playbook.t("plan_one_to_one.times_usual_button");
      var note = form.querySelector("[data-plan-times-status]");
      if (note.textContent !== said) note.textContent = said;  /* a status: said again only when it changes */
    }

    /* The status of the usual times, said as a push's while the advice gives the boxes other minutes. */
    function usualSaid(advice) {
      var total = durationOf(plan.minutes);
      return advisedBox(plan, advice) ? Playbook.t("plan_one_to_one.times_usual_advised", { minutes: total, mode: plan.modes[advice.mode] }) : Playbook.t("plan_one_to_one.times_usual", { minutes: total });
    }

    /* The status of moved times, naming the boxes left out (0 minutes), as the boxes say it too. */
    function timesMoved(minutes) {
      var out = plan.boxes.filter(function (box) { return minutes[box.id] === 0; }).map(boxNamed);
      var total = durationOf(plan.minutes);
      return out.length ? Playbook.t("plan_one_to_one.times_moved_left_out", { minutes: total, boxes: Playbook.list(out), count: out.length }) : Playbook.t("plan_one_to_one.times_moved", { minutes: total });
    }

    function sumOf(fields) {
      return fields.reduce(function (sum, field) { var value = Number(field.value); return sum + (isFinite(value) ? value : 0); }, 0);
    }

    /* A box's name inside a sentence, quoted: "The rep's topic" starts with a capital in any language (a checker
       read "and The rep's topic are left out"). */
    function boxNamed(box) {
      return Playbook.t("plan_one_to_one.box_named", { box: box.name });
    }

    function boxOf(field) {
      return plan.boxes.filter(function (box) { return box.id === field.dataset.planBoxTime; })[0];
    }

    /* Whether a field holds whole minutes, 0 or more. */
    function wholeMinutes(field) {
      var value = field.value.trim() === "" ? NaN : Number(field.value);
      return value >= 0 && Math.floor(value) === value;
    }

    /* The minutes typed ({id: minutes}), or null until each is whole minutes and they add up to the 1:1. */
    function timesTyped(fields) {
      var typed = {};
      fields.forEach(function (field) { typed[field.dataset.planBoxTime] = Number(field.value); });
      var allowed = fields.every(function (field) { return wholeMinutes(field) && Number(field.value) >= boxOf(field).least; });
      return allowed && sumOf(fields) === plan.minutes ? typed : null;
    }

    /* Keeps the minutes typed with the chosen date's 1:1 once they add up (the usual ones are kept as none),
       and redraws the boxes with them. */
    function saveTimes(usual) {
      var fields = each(form, "[data-plan-box-time]");
      var typed = usual ? null : timesTyped(fields);
      if (!usual && !typed) return renderTimes(true);
      var data = meetingRecord();
      var recorded = oneToOnes(plan).some(function (record) { return record.date === when().date; });
      var usual = usualMinutes(plan, placing(plan, when().date));
      var moved = typed && plan.boxes.some(function (box) { return typed[box.id] !== usual[box.id]; });
      if (moved) data.minutes = typed;
      else delete data.minutes;
      if (moved || recorded) saveMeeting(data);
      renderTimes(!usual);
      renderAgenda();
    }

    /* A new rep's first day (the rep's start record: kind start, tool ramp, dated that day) in its field, unless
       the manager is typing in it, and where the 1:1 of the date chosen falls on the ramp plan. */
    var startField = form.querySelector("[data-plan-first-day]");
    var milestoneBox = form.querySelector("[data-plan-milestone]");
    var milestoneStatus = form.querySelector("[data-plan-milestone-status]");
    var outcomeField = form.querySelector("[data-plan-outcome]");
    /* The calendar event's title: the page's, and the milestone reviewed where the 1:1 is marked as a review. */
    function eventTitle() {
      var marked = markedReview(plan, meetingRecord(), when().date);
      return marked ? Playbook.t("plan_one_to_one.review_summary", { title: title(), milestone: marked.name }) : title();
    }

    /* Where the chosen rep stands on the ramp plan at the 1:1 of the date chosen (rampAt), or null. */
    function rampNow() {
      var start = startRecord();
      return start ? rampAt(plan, ws.name(ws.current()), start.date, when().date, ws.records(), meetingRecord().milestone) : null;
    }
    function renderRamp() {
      if (!startField) return;
      var start = startRecord();
      if (document.activeElement !== startField) startField.value = start ? start.date : "";
      var line = form.querySelector("[data-plan-ramp-day]");
      var at = rampNow();
      line.textContent = "";
      line.hidden = !at;
      var offer = at && at.offer;
      milestoneStatus.textContent = "";
      milestoneBox.closest("p").hidden = !offer;
      /* how it went, once the 1:1 is on its day or gone by (a checker saved one for a 1:1 still to come) */
      renderOutcome(offer && offer.mark && when().date <= ws.today() ? offer.mark : null);
      renderChecks(at && at.checks);
      while (milestoneBox.options.length > 1) milestoneBox.remove(1);
      (offer ? offer.choices : []).forEach(function (milestone) { milestoneBox.add(new Option(milestone.name, milestone.id)); });
      milestoneBox.value = offer && offer.mark ? offer.mark.id : "";
      if (!at) return;
      line.append(at.words);
      if (!at.milestone) return;
      var link = document.createElement("a");
      link.href = at.milestone.href;
      link.textContent = Playbook.t("plan_one_to_one.ramp_link", { milestone: at.milestone.name });
      line.append(" ", link);
    }
    /* How the manager checks `milestone` (the ramp plan's list), while its review is offered and not yet held:
       calls to hear and a meeting to join need booking in the two weeks before it (a sales leader). */
    function renderChecks(milestone) {
      var box = form.querySelector("[data-plan-ramp-checks]");
      var list = box.querySelector("ul");
      list.textContent = "";
      (milestone ? milestone.checks : []).forEach(function (check) {
        var item = document.createElement("li");
        appendCopy(item, check);
        list.append(item);
      });
      box.querySelector("[data-plan-ramp-checks-title]").textContent = milestone ? Playbook.t("plan_one_to_one.ramp_checks", { milestone: milestone.name }) : "";
      box.hidden = !list.children.length;
    }

    /* The printed sheet of a 1:1 marked as `milestone`'s review (none for any other 1:1): what good looks like
       at it, each a row to tick met or not yet with an example; its activity figures, each beside a box for the
       rep's own; and what the ramp plan says to do if the rep is behind. */
    function renderReviewSheet(milestone) {
      var sheet = form.querySelector("[data-plan-review-sheet]");
      if (!sheet) return;
      sheet.hidden = !milestone;
      if (!milestone) return;
      var rep = ws.current();
      var said = { name: ws.name(rep), milestone: milestone.name, when: longDate(when().date, when().time) };
      sheet.querySelector("[data-plan-review-sheet-title]").textContent = rep === "me" ? Playbook.t("plan_one_to_one.review_sheet_title_mine", said) : Playbook.t("plan_one_to_one.review_sheet_title", said);
      rows(sheet.querySelector("[data-plan-review-sheet-looks]"), milestone.looks, 3);
      sheet.querySelector("[data-plan-review-sheet-activity]").textContent = Playbook.t("ramp.activity_by_day", { day: milestone.day });
      rows(sheet.querySelector("[data-plan-review-sheet-figures]"), milestone.activity, 1);
      var behind = sheet.querySelector("[data-plan-review-sheet-behind]");
      behind.textContent = "";
      if (milestone.ifBehind) appendCopy(behind, milestone.ifBehind);
    }
    /* A table body of a row for each of `entries` (elements), with `blanks` empty cells to write in beside it. */
    function rows(body, entries, blanks) {
      body.textContent = "";
      entries.forEach(function (entry) {
        var row = document.createElement("tr");
        var name = document.createElement("th");
        name.scope = "row";
        appendCopy(name, entry);
        row.append(name);
        for (var i = 0; i < blanks; i += 1) row.append(document.createElement("td"));
        body.append(row);
      });
    }

    /* How the review in this 1:1 went, for a 1:1 marked as `milestone`'s review (else hidden): behind, with the
       ramp plan's advice for that milestone (a sales leader: held is not passed, and the verdict is what a
       leader reports). */
    function renderOutcome(milestone) {
      var outcome = milestone ? meetingRecord().milestone_outcome : null;
      outcomeField.hidden = !milestone;
      each(outcomeField, "input").forEach(function (input) { input.checked = input.value === outcome; });
      var advice = outcomeField.querySelector("[data-plan-if-behind]");
      var text = advice.querySelector("[data-plan-if-behind-text]");
      text.textContent = "";
      var behind = outcome === "behind" && milestone.ifBehind;
      if (behind) appendCopy(text, milestone.ifBehind);
      advice.hidden = !behind;
    }
    function saveOutcome(event) {
      var data = meetingRecord();
      var marked = placeOf(plan.milestones, data.milestone);
      if (!marked) return;
      data.milestone_outcome = event.target.value;
      if (!saveMeeting(data)) return;
      renderRamp();
      var said = { name: ws.name(ws.current()), milestone: marked.item.name };
      milestoneStatus.textContent = data.milestone_outcome === "behind" ? Playbook.t("plan_one_to_one.outcome_saved_behind", said) : Playbook.t("plan_one_to_one.outcome_saved_on_track", said);
    }

    /* Marks the 1:1 of the date chosen as the review of the milestone chosen, or takes the mark off (how it went
       goes with it). A milestone is reviewed in one 1:1, so a mark on another of the rep's 1:1s not held yet moves
       to this one. */
    function saveMilestone() {
      var id = milestoneBox.value;
      var data = meetingRecord();
      var found = placeOf(plan.milestones, id || data.milestone);
      if (!found) return;
      var milestone = found.item;
      var said = { name: ws.name(ws.current()), milestone: milestone.name, day: shownDay(when().date) };
      var moved = [];
      var cleared = [];  /* how a review went, saved with a mark that goes: said (a checker: it went silently) */
      var stored = true;
      if (id) {
        oneToOnes(plan).forEach(function (record) {
          if (record.date === when().date || record.data.milestone !== id || Playbook.commitments.held(record)) return;
          var other = JSON.parse(JSON.stringify(record.data));
          if (other.milestone_outcome) cleared.push(other.milestone_outcome);
          delete other.milestone;
          delete other.milestone_outcome;
          stored = stored && tool.record("one-to-one", plan.tool, other, record.date);
          moved.push(shownDay(record.date));
        });
      }
      if (data.milestone !== id && data.milestone_outcome) {
        cleared.push(data.milestone_outcome);
        delete data.milestone_outcome;
      }
      if (id) data.milestone = id;
      else delete data.milestone;
      if (!stored || !saveMeeting(data)) return;
      /* said beside the box (a sales leader: the page's status line is 3,000 px below it) */
      var held = Playbook.commitments.held({ data: data });
      renderRamp();
      renderAgenda();
      milestoneStatus.textContent = !id ? Playbook.t("plan_one_to_one.milestone_unmarked", said)
        : (held ? Playbook.t("plan_one_to_one.milestone_marked_held", said) : Playbook.t("plan_one_to_one.milestone_marked", said)) + (moved.length ? " " + Playbook.t("plan_one_to_one.milestone_moved", { day: moved.join(", ") }) : "");
      cleared.forEach(function (outcome) {
        var went = outcome === "behind" ? Playbook.t("plan_one_to_one.outcome_behind") : Playbook.t("plan_one_to_one.outcome_on_track");
        milestoneStatus.textContent += " " + Playbook.t("plan_one_to_one.outcome_cleared", { outcome: went });
      });
    }
    /* The first day typed replaces the rep's earlier one; emptied, it removes it. */
    function saveFirstDay() {
      var day = startField.value;
      if (day && !isFinite(Playbook.dates.number(day))) return;
      var problem = null;
      startRecords().forEach(function (record) { problem = problem || ws.forget(ws.current(), record); });
      if (!problem && day) problem = ws.record(Playbook.ramp.KIND, Playbook.ramp.TOOL, {}, day);
      render();  /* the suggestions too: a rep on the ramp is asked its questions */
      /* a first day the team doesn't work is kept, and said (a sales leader: a Sunday went by without a word) */
      var off = day && Playbook.workdays.onOrAfterIso(day) !== day ? " " + Playbook.t("plan_one_to_one.first_day_off") : "";
      status.textContent = problem || (day ? Playbook.t("plan_one_to_one.first_day_saved", { day: Playbook.dates.day(day, "weekday") }) + off : Playbook.t("plan_one_to_one.first_day_removed"));
    }

    /* The data of the 1:1's record for the date chosen, a copy to change and save (empty when there is none). */
    function meetingRecord() {
      var found = oneToOnes(plan).filter(function (record) { return record.date === when().date; })[0];
      var data = found ? JSON.parse(JSON.stringify(found.data)) : {};
      data.commitments = data.commitments || [];
      return data;
    }

    /* The meeting's record at the time chosen; true when stored. */
    function saveMeeting(data) {
      data.time = when().time;
      return tool.record("one-to-one", plan.tool, data, when().date);
    }

    /* The chosen date's agenda: {kept, entries, items, questions, ids}. A 1:1 recorded as held keeps the
       questions it asked in its record, so that they stay with that meeting and leave the next one's agenda;
       any other date's agenda is the basket, the questions chosen for the rep's next 1:1, which the question
       bank's "Add to 1:1" adds to too. */
    function agendaNow() {
      var data = meetingRecord();
      var kept = Playbook.commitments.held({ data: data });
      var entries = kept ? keptEntries(data) : Playbook.basket.entries(ws.current());
      var items = agendaItems(plan, entries);
      return { kept: kept, data: data, entries: entries, items: items, questions: questionsOf(items), ids: entries.map(function (entry) { return entry.id; }) };
    }

    /* Adds `question` ({id, fingerprint, text}) to the chosen date's agenda, or takes it off when it is on;
       `keep` instead puts its present wording in place of the one it was added with. A question taken off a
       held 1:1 was not reached, so it goes back on the next 1:1's agenda. True when stored. */
    function changeAgenda(question, keep) {
      var now = agendaNow();
      if (!now.kept) return keep ? Playbook.basket.keep(ws.current(), question, status) : Playbook.basket.toggle(ws.current(), question, status);
      var list = now.entries;
      var at = now.ids.indexOf(question.id);
      if (at < 0) list.push(question);
      else if (keep) list[at] = question;
      else return keepForNext(now, list.splice(at, 1));
      now.data.agenda = toKeep(plan, list, when().date);
      return saveMeeting(now.data);
    }

    /* Takes `taken` (entries) off the held 1:1's agenda `now` and puts them back on the next 1:1's, ahead of
       the questions chosen for it since. */
    function keepForNext(now, taken) {
      var ids = taken.map(function (entry) { return entry.id; });
      now.data.agenda = toKeep(plan, now.entries.filter(function (entry) { return ids.indexOf(entry.id) < 0; }), when().date);
      var basket = Playbook.basket.entries(ws.current()).filter(function (entry) { return ids.indexOf(entry.id) < 0; });
      return saveMeeting(now.data) && Playbook.basket.store(ws.current(), taken.concat(basket), status);
    }

    function emptyAgenda() {
      var now = agendaNow();
      if (!now.kept) return Playbook.basket.store(ws.current(), [], status);
      return keepForNext(now, now.entries.slice());
    }

    /* Records the chosen date's 1:1 as held or not, with `data` its record (whether it was held is read before
       `data` changes: without held, a record with commitments counts as held). Once held, the basket's questions
       chosen by its day, but for those in a box left out, move into the record, what the meeting asked, so the next 1:1's agenda starts with
       only those chosen since; taken back, they return to the basket ahead of those. Returns what to add to
       the status ("" when nothing moved), or null when not stored. */
    function saveHeld(data, held, was) {
      data.held = held;
      if (held === was) return saveMeeting(data) ? "" : null;
      var rep = ws.current();
      var basket = Playbook.basket.entries(rep);
      var day = when().date;
      /* a question in a box left out at this 1:1 wasn't asked: it stays for the next (a checker) */
      var advice = placing(plan, day);
      var minutes = minutesAt(plan, data, advice);
      var asked = function (entry) { var question = plan.questions[entry.id]; return !question || minutes[boxFor(plan, question, advice).id] > 0; };
      var moving = held ? basket.filter(function (entry) { return (!entry.added || entry.added <= day) && asked(entry); }) : keptEntries(data);
      var ids = moving.map(function (entry) { return entry.id; });
      var left = basket.filter(function (entry) { return ids.indexOf(entry.id) < 0; });
      data.agenda = held ? toKeep(plan, moving, day) : [];
      if (!saveMeeting(data) || !Playbook.basket.store(rep, held ? left : moving.concat(left), status)) return null;
      if (!moving.length) return "";
      var said = { count: moving.length, day: shownDay(day) };
      return " " + (held ? Playbook.t("plan_one_to_one.questions_kept", said) : Playbook.t("plan_one_to_one.questions_back", said));
    }

    /* The chosen date's notes in their boxes, put there when another rep or date is chosen (what is typed meanwhile
       stays as typed, saved or not), and in each box what the last 1:1 held before it wrote there, so what the
       rep was to try, or the deal's next step, is followed up. */
    function renderNotes() {
      var meeting = ws.current() + " " + when().date;
      var notes = meeting === notesShown ? null : Playbook.commitments.notes(meetingRecord());
      var last = lastHeld(plan, when().date);
      var before = last ? Playbook.commitments.notes(last.data) : [];
      notesShown = meeting;
      plan.boxes.forEach(function (box) {
        if (notes) box.notes.forEach(function (note) {
          var saved = notes.filter(function (one) { return one.box === box.id && one.label === note.label; })[0];
          note.box.value = saved ? saved.text : "";
        });
        showAdvisedLines(box, placing(plan, when().date));
        if (!box.last) return;
        var earlier = before.filter(function (one) { return one.box === box.id; });
        var list = box.last.querySelector("ul");
        list.textContent = "";
        earlier.forEach(function (one) { list.append(item(Playbook.t("plan_one_to_one.written", { label: one.label, text: one.text }))); });
        box.last.querySelector("[data-plan-last-title]").textContent = last ? Playbook.t("plan_one_to_one.last_written", { day: shownDay(last.date) }) : "";
        box.last.hidden = !earlier.length;
      });
    }

    /* A box's lines for what the advice asks (rhythm.yml's while_advised.write_in): shown while it holds, and
       wherever something is written on them, so what was written at a push's 1:1 is still seen once it lapses. */
    function showAdvisedLines(box, advice) {
      var holds = advisedOn(box, advice).length > 0;
      box.notes.forEach(function (note) { if (note.advised) note.advised.hidden = !holds && !note.box.value.trim(); });
    }

    /* Keeps what is typed in the boxes with the chosen date's 1:1: the page's lines in its order, then any note
       the record keeps for a line the page no longer has. Nothing written for a date without a record makes
       none. */
    function saveNotes() {
      var recorded = oneToOnes(plan).some(function (record) { return record.date === when().date; });
      var data = meetingRecord();
      var lines = Object.create(null);
      var typed = [];
      plan.boxes.forEach(function (box) {
        box.notes.forEach(function (note) {
          lines[box.id + "\n" + note.label] = true;
          if (note.box.value.trim()) typed.push({ box: box.id, label: note.label, text: note.box.value });
        });
      });
      var kept = Playbook.commitments.notes(data).filter(function (note) { return !lines[note.box + "\n" + note.label]; });
      var notes = typed.concat(kept);
      if (!recorded && !notes.length) return;
      if (notes.length) data.write_in = notes;
      else delete data.write_in;
      saveMeeting(data);
    }

    function renderMade() {
      var list = form.querySelector("[data-plan-made]");
      list.textContent = "";
      meetingRecord().commitments.forEach(function (commitment, index) {
        var li = item(describe(commitment, ws.today()));
        var remove = button(Playbook.t("plan_one_to_one.remove"), function () {
          keepFocus(list, "button", remove, form.querySelector("[data-plan-commit-text]"), function () {
            var data = meetingRecord();
            data.commitments.splice(index, 1);
            if (saveMeeting(data)) status.textContent = Playbook.t("plan_one_to_one.removed", { text: commitment.text });
            render();
          });
        });
        remove.setAttribute("aria-label", Playbook.t("plan_one_to_one.remove_label", { text: commitment.text }));
        li.append(" ", remove);
        list.append(li);
      });
    }

    function addCommitment() {
      var text = form.querySelector("[data-plan-commit-text]");
      var due = form.querySelector("[data-plan-commit-due]");
      /* A commitment agreed at a 1:1 falls due on its day or after: one due before would be overdue as it is made. */
      var problem = !text.value.trim() ? [text, Playbook.t("plan_one_to_one.write_commitment")]
        : !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(due.value) ? [due, Playbook.t("plan_one_to_one.give_due_date")]
        : due.value < when().date ? [due, Playbook.t("plan_one_to_one.due_before_meeting", { day: shownDay(when().date) })] : null;
      [text, due].forEach(function (field) { field.removeAttribute("aria-invalid"); });
      if (problem) {
        problem[0].setAttribute("aria-invalid", "true");
        problem[0].focus();
        status.textContent = problem[1];
        return;
      }
      var data = meetingRecord();
      var was = Playbook.commitments.held({ data: data });
      var commitment = { text: text.value.trim(), owner: form.querySelector("[data-plan-commit-owner]").value, due: due.value, done: null };
      data.commitments.push(commitment);
      /* a commitment is agreed in a meeting: one of a day gone or today took place; one written ahead for a 1:1
         still to come says it is not held yet (without held, a record with commitments counts as held) */
      var moved = saveHeld(data, when().date <= ws.today() && (was || !awayThen()), was);
      if (moved === null) return;
      var ahead = when().date > ws.today() ? Playbook.t("plan_one_to_one.saved_ahead") : "";
      /* due on a day the team doesn't work: said, with the day it falls due on (commitments.js counts from it) */
      var falls = Playbook.workdays.onOrAfterIso(commitment.due);
      var dayOff = falls !== commitment.due ? Playbook.t("plan_one_to_one.due_day_off", { day: shownDay(commitment.due), due: shownDay(falls) }) : "";
      var saved = { day: shownDay(when().date), name: ws.name(ws.current()) };
      status.textContent = (ws.current() === "me" ? Playbook.t("plan_one_to_one.commitment_saved", saved) : Playbook.t("plan_one_to_one.commitment_saved_for", saved)) + moved + ahead + dayOff;
      text.value = "";
      render();
    }

    /* Whether the 1:1 of the date chosen is recorded as held, and the button that records it or takes it back. */
    function renderHeld() {
      var held = Playbook.commitments.held({ data: meetingRecord() });
      form.querySelector("[data-plan-held]").textContent = held ? Playbook.t("plan_one_to_one.not_held") : Playbook.t("plan_one_to_one.record_held");
      form.querySelector("[data-plan-held-note]").textContent = held ? Playbook.t("plan_one_to_one.held_note") : "";
    }

    /* The rep's time away on the chosen date, or null (time-away.js). */
    function awayThen() {
      return Playbook.timeAway.awayOn(ws.records(), when().date);
    }

    /* Held is the manager's word that the meeting took place, so not for a day still to come, nor one the rep
       was away. */
    function recordHeld() {
      var data = meetingRecord();
      var held = !Playbook.commitments.held({ data: data });
      if (held && when().date > ws.today()) {
        status.textContent = Playbook.t("plan_one_to_one.still_to_come", { day: shownDay(when().date) });
        return;
      }
      var away = held && awayThen();
      if (away) {
        status.textContent = Playbook.t("plan_one_to_one.away_not_held", { name: ws.name(ws.current()), day: shownDay(when().date), back: shownDay(away.back) });
        return;
      }
      var day = { day: shownDay(when().date) };
      var moved = saveHeld(data, held, !held);
      var milestone = markedReview(plan, data, when().date);
      /* held, and not marked while a review could be: asked whether it was (a sales leader: an unticked day-90
         review went unrecorded) */
      var offer = held && !milestone && startField ? (rampNow() || {}).offer : null;
      var review = milestone ? " " + (held ? Playbook.t("plan_one_to_one.milestone_held", { milestone: milestone.name }) : Playbook.t("plan_one_to_one.milestone_not_held", { milestone: milestone.name }))
        : offer ? " " + Playbook.t("plan_one_to_one.milestone_ask", { milestones: Playbook.list(offer.choices.map(function (each) { return Playbook.t("plan_one_to_one.milestone_named", { milestone: each.name }); })) }) : "";
      if (moved !== null) status.textContent = (held ? Playbook.t("plan_one_to_one.recorded_held", day) : Playbook.t("plan_one_to_one.no_longer_held", day)) + review + moved;
      render();
    }

    /* The day the page opens on, and a rep just chosen: today or the next working day, or, when nothing is
       written for that day's 1:1, the rep's own next 1:1 with notes written for it; never the rep chosen
       before's (a manager's "Move them to Thu 10 Dec", one tap from moving a rep's notes to another's day). */
    function repDay() {
      date.value = firstDay();
      var today = meetingRecord();
      if (Playbook.commitments.notes(today).length || Playbook.commitments.held({ data: today })) return;
      var draft = draftDay();
      if (draft && draft.date > date.value) date.value = draft.date;
    }

    /* Notes written for a 1:1 not recorded as held, on another day since the last one held: a Friday's
       preparation for Monday's 1:1 left under Friday's date, or Monday's written ahead and opened on Friday.
       The latest such day, or null; and none while the day chosen is a 1:1 held or one before the last held,
       a meeting already over, which next week's notes have no place in. */
    function draftDay() {
      var held = Playbook.commitments.heldDates(oneToOnes(plan));
      var since = held.length ? held[held.length - 1] : "";
      if (when().date <= since || Playbook.commitments.held({ data: meetingRecord() })) return null;
      var drafts = oneToOnes(plan).filter(function (record) {
        return record.date !== when().date && record.date > since && !Playbook.commitments.held(record) && Playbook.commitments.notes(record.data).length;
      }).sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
      return drafts.length ? drafts[drafts.length - 1] : null;
    }

    /* Says where such notes are, with a button to open that day and one to bring them to the day chosen
       (where the chosen day's own note on a line is kept, and the other added below it). Notes under a day gone
       by may have been written in that 1:1 as well as ahead of the next (a manager wrote in the meeting, never
       pressed "Record this 1:1 as held", and the team view counted the rep overdue): the line says to open that
       day and record it as held if it took place, a choice made on that day's page rather than in one click
       here, where Friday's preparation for Monday would be recorded as a 1:1. */
    function renderDraft() {
      var shown = form.querySelector("[data-plan-draft]");
      var draft = draftDay();
      shown.hidden = !draft;
      if (!draft) return;
      var days = { day: shownDay(draft.date), to: shownDay(when().date) };
      var past = draft.date < ws.today();
      shown.querySelector("[data-plan-draft-text]").textContent = past ? Playbook.t("plan_one_to_one.draft_past", days) : Playbook.t("plan_one_to_one.draft_elsewhere", days);
      shown.querySelector("[data-plan-draft-move]").textContent = Playbook.t("plan_one_to_one.draft_move", days);
      shown.querySelector("[data-plan-draft-open]").textContent = Playbook.t("plan_one_to_one.draft_open", days);
    }

    function moveDraft() {
      var draft = draftDay();
      if (!draft) return;
      var data = meetingRecord();
      var notes = Playbook.commitments.notes(data).slice();
      Playbook.commitments.notes(draft.data).forEach(function (moving) {
        var same = notes.filter(function (one) { return one.box === moving.box && one.label === moving.label; })[0];
        if (!same) notes.push(moving);
        else if (same.text.trim() !== moving.text.trim()) same.text = same.text + "\n" + moving.text;
      });
      data.write_in = notes;
      /* the review the notes were prepared for moves with them, unless this 1:1 is marked as one already (a
         checker: the mark went with the record it was on) */
      var review = draft.data.milestone && !data.milestone;
      var said = "";
      if (review) {
        said = Playbook.t("plan_one_to_one.draft_review_moved", { milestone: (placeOf(plan.milestones, draft.data.milestone) || { item: { name: draft.data.milestone } }).item.name });
        data.milestone = draft.data.milestone;
        if (draft.data.milestone_outcome) data.milestone_outcome = draft.data.milestone_outcome;
      }
      if (!saveMeeting(data)) return;
      /* Only the notes (and that mark) move: a commitment, an agenda or another mark the other day's record keeps
         stays with it (and its time), and a record left with nothing else is taken away. */
      var left = JSON.parse(JSON.stringify(draft.data));
      delete left.write_in;
      if (review) {
        delete left.milestone;
        delete left.milestone_outcome;
      }
      if ((left.commitments || []).length || (left.agenda || []).length || left.milestone) {
        if (!tool.record("one-to-one", plan.tool, left, draft.date)) return;
      } else {
        var problem = ws.forget(ws.current(), draft);
        if (problem) { status.textContent = problem; return; }
      }
      status.textContent = Playbook.t("plan_one_to_one.draft_moved", { day: shownDay(draft.date), to: shownDay(when().date) }) + (said ? " " + said : "");
      notesShown = null;
      render();
    }

    function openDraft() {
      var draft = draftDay();
      if (!draft) return;
      date.value = draft.date;
      setTime();
      render();
    }

    function render() {
      var ground = grounds(plan, when().date);
      form.querySelector("[data-plan-title]").textContent = title();
      /* the rep named where the commitment is added, as each tool opens on the rep chosen last anywhere (a
         manager filed a commitment, and so a 1:1 held, under the wrong rep) */
      var rep = ws.current();
      form.querySelector("[data-plan-commit-add]").textContent = rep === "me" ? Playbook.t("plan_one_to_one.add_commitment") : Playbook.t("plan_one_to_one.add_commitment_for", { name: ws.name(rep) });
      showAgreed(agreedBefore(plan, when().date));
      renderLevel(ground);
      renderSuggestions(ground);
      renderAgenda();
      renderTimes(false);
      renderRamp();
      renderNotes();
      renderMade();
      renderHeld();
      renderDraft();
      checkWhen();
    }

    /* A stage or situation chosen changes the list below: how many it suggests now is said (it changed in silence
       for a screen-reader reviewer), once the reader stops arrowing through the options, unless something else is
       said first: a question added or the agenda copied within the pause keeps its own message (CI saw "Copied."
       overwritten by the count). */
    var suggestedPause;
    new MutationObserver(function () { clearTimeout(suggestedPause); }).observe(status, { childList: true, characterData: true, subtree: true });
    filters.forEach(function (select) {
      select.addEventListener("change", function () {
        renderSuggestions(grounds(plan, when().date));
        clearTimeout(suggestedPause);
        suggestedPause = setTimeout(function () {
          var count = form.querySelectorAll("[data-plan-suggestions] > li").length;
          status.textContent = count ? Playbook.t("plan_one_to_one.suggested_now", { count: count }) : form.querySelector("[data-plan-suggest-none]").textContent;
        }, 700);
      });
    });
    /* A date the team doesn't work (a weekend, a day off), a time in the calling block or one another rep's 1:1
       takes is allowed, since a manager may know better, but said: a 1:1 there costs the rep a day off or prime
       calling time, or can't be held. */
    function checkWhen() {
      var note = form.querySelector("[data-plan-when-note]");
      var day = Playbook.dates.number(when().date);
      var block = time.dataset.blockDays.split(" ").indexOf(String(Playbook.dates.local(when().date).getDay())) !== -1
        && when().time >= time.dataset.blockStarts && when().time < time.dataset.blockEnds;
      var at = timeOf({ data: { time: when().time } });
      var other = isFinite(day) && at !== null ? clashes(at)[0] : null;
      note.textContent = [
        !isFinite(day) ? ""
          : !Playbook.workdays.working(day) ? Playbook.t("plan_one_to_one.not_a_working_day", { day: shownDay(when().date) })
          : block ? Playbook.t("plan_one_to_one.in_the_calling_block", { starts: time.dataset.blockStarts, ends: time.dataset.blockEnds }) : "",
        other ? Playbook.t("plan_one_to_one.clashes", { name: other.name, time: clock(other.at) }) : ""
      ].filter(Boolean).join(" ");
    }
    date.addEventListener("change", function () { setTime(); render(); });
    /* The time is the manager's plan for that day's 1:1, kept as soon as it is changed (with the 1:1's record). */
    time.addEventListener("change", function () { saveMeeting(meetingRecord()); renderAgenda(); checkWhen(); });
    form.querySelector("[data-plan-draft-move]").addEventListener("click", moveDraft);
    form.querySelector("[data-plan-draft-open]").addEventListener("click", openDraft);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      if (event.target.hasAttribute("data-plan-note")) saveNotes();
      if (event.target.hasAttribute("data-plan-box-time")) saveTimes(false);
    });
    form.querySelector("[data-plan-times-usual]").addEventListener("click", function () { saveTimes(true); });
    if (startField) startField.addEventListener("change", saveFirstDay);
    if (milestoneBox) milestoneBox.addEventListener("change", saveMilestone);
    if (outcomeField) outcomeField.addEventListener("change", saveOutcome);
    form.querySelector("[data-plan-times]").hidden = false;
    /* Enter in the commitment's text or its due date (the last field a keyboard user fills) adds it, as its
       button does (the form has too many fields for the browser to submit it on Enter), rather than leaving
       the typed text to be lost on the next page. */
    ["[data-plan-commit-text]", "[data-plan-commit-due]"].forEach(function (field) {
      form.querySelector(field).addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || event.isComposing) return;
        event.preventDefault();
        addCommitment();
      });
    });
    form.querySelector("[data-plan-commit-add]").addEventListener("click", addCommitment);
    form.querySelector("[data-plan-held]").addEventListener("click", recordHeld);
    form.querySelector("[data-plan-print]").addEventListener("click", function () { window.print(); });
    form.querySelector("[data-plan-copy]").addEventListener("click", function () { var data = meetingRecord(); Playbook.copy(agendaText(plan, when(), agendaNow().questions, Playbook.commitments.held({ data: data }) ? data : null), status); });
    form.querySelector("[data-plan-empty]").addEventListener("click", function () {
      /* asked first, as Reset and Clear are elsewhere: one tap takes off questions chosen one by one */
      if (agendaNow().questions.length && !window.confirm(Playbook.t("plan_one_to_one.empty_confirm"))) return;
      var kept = agendaNow().kept;
      if (emptyAgenda()) status.textContent = kept ? Playbook.t("plan_one_to_one.kept_emptied") : Playbook.t("plan_one_to_one.agenda_empty");
      render();
    });
    form.querySelector("[data-plan-ics]").addEventListener("click", function () {
      var start = new Date(when().date + "T" + when().time);
      var text = Playbook.calendar.event({ uid: "one-to-one-" + ws.current() + "-" + when().date + "@" + (location.hostname || "playbook"), start: start, minutes: plan.minutes, summary: eventTitle(), description: agendaText(plan, when(), agendaNow().questions) });
      Playbook.calendar.download(text, fileName(title() + " " + when().date) + ".ics");
      status.textContent = Playbook.t("plan_one_to_one.downloaded");
    });
    repDay();
    setTime(true);
    render();
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-plan]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
