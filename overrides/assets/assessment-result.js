/* Writes a self-assessment's result under the form (assessment.js scores it): what to keep, what to change,
   what to work on next and which questions to take to the next 1:1. A limit (a habit that holds a seller
   back) is only ever listed as "Still true", never among the strengths. */
(function (Playbook) {
  "use strict";

  /* How many habits on levels further up a level result names; the rest it counts. */
  var FURTHER_NAMED = 3;
  /* How many behaviours of the level to work on next it names. */
  var WORK_ON_NAMED = 3;

  Playbook.assessmentResult = function (form, model, out, result) {
    var parts = Playbook.assessmentParts;
    var el = parts.el;
    /* a manager's or an observer's form about what a rep did (a ride-along, a role-play run), not the reader's own */
    var aboutSomeoneElse = ["observation", "rubric"].indexOf(form.dataset.recordKind) >= 0;

    function share(row) { return row.points / row.most; }

    /* A habit is only ever listed as one to work on: not doing a bad thing is not a strength to praise. */
    function describe(row) {
      var statement = parts.countsAsEssential(row) ? Playbook.t("assessment_result.essential", { statement: row.text }) : row.text;
      if (!row.answer) return row.essential || row.limit ? Playbook.t("assessment_result.left_blank", { statement: statement }) : statement;
      var text = Playbook.t("assessment_result.with_answer", { statement: statement, answer: row.answer });
      return row.limit ? Playbook.t("assessment_result.still_true", { statement: text }) : text;
    }

    function list(heading, rows, withAdvice) {
      if (!rows.length) return;
      result.append(el("h4", heading));
      var ul = el("ul");
      rows.forEach(function (row) {
        var li = el("li", describe(row));
        var advice = withAdvice && row.fieldset.querySelector("[data-advice]");
        if (advice) {
          var copy = advice.cloneNode(true);
          copy.hidden = false;
          li.append(" ", copy);  /* the space keeps the copied text's sentences apart */
        }
        ul.append(li);
      });
      result.append(ul);
    }

    /* The three weakest answered below the top; beside `strong` (the strengths listed), only answers strictly
       below the least of those, so an answer listed as a strength is never also called a weakness; without any,
       only those below the best answer among the behaviours, so answers all alike are none of them weak (a sales
       leader: a modest rater, "Mostly" throughout, heard only their three "weakest"). */
    function weakest(rows, strong) {
      var answered = rows.filter(function (row) { return !row.limit && row.points !== null; }).map(share);
      var bar = strong && strong.length ? Math.min.apply(null, strong.map(share)) : answered.length ? Math.max.apply(null, answered) : 1;
      return parts.weakestFirst(rows).filter(function (row) { return row.points !== null && share(row) < bar; }).slice(0, 3);
    }

    function strongest(rows, least, except) {
      return parts.strongestFirst(rows).filter(function (row) { return !row.limit && share(row) >= least && row !== except; }).slice(0, 3);
    }

    function incomplete() {
      result.append(el("h3", Playbook.t("assessment_result.incomplete_heading")));
      result.append(el("p", Playbook.t("assessment_result.incomplete", { answered: out.answered, total: model.rows.length, needed: out.needed, more: out.needed - out.answered })));
    }

    /* An essential statement left blank or below the least answer keeps the result out of the top band, and
       one missed, where the form says so, puts it in the lowest (the headline says which): those come first,
       each with its advice, and are not repeated under Work on first. */
    function scored() {
      var held = out.essentialsShort;
      result.append(el("h3", out.headline));
      /* Held back, the band's meaning (written for a score in it) would not fit: say what holds it instead,
         and when the band brings the next meeting forward, that too (the record keeps it for the team view). */
      /* failed by a group missed together (a discovery call with neither the cost nor the decision), not one alone */
      var together = out.essentialsMissed.some(function (row) { return model.rows.some(function (other) { return other !== row && other.canFail === row.canFail; }); });
      var failed = together ? Playbook.t("assessment_result.failed_meaning_all", { count: out.essentialsMissed.length, band: parts.bandName(out.band), answer: model.missedAnswer })
        : Playbook.t("assessment_result.failed_meaning", { count: out.essentialsMissed.length, band: parts.bandName(out.band), answer: model.missedAnswer });
      var missedHolding = out.missedHolding || [];
      var said = out.essentialsMissed.length ? el("p", failed)
        : held.length ? el("p", Playbook.t("assessment_result.held_meaning", { band: parts.bandName(out.band), top: parts.bandName(model.bands[model.bands.length - 1]) }))
        : missedHolding.length ? el("p", Playbook.t("assessment_result.held_missed_meaning", { band: parts.bandName(out.band), top: parts.bandName(model.bands[model.bands.length - 1]), answer: model.lowestAnswer }))
        : null;
      var sooner = out.band.node.querySelector("[data-band-sooner]");
      if (said && sooner) said.append(" ", sooner.textContent);
      /* the key's cell, as a paragraph: a <td> outside its table read as a stray cell (a screen-reader reviewer) */
      if (!said) {
        said = document.createElement("p");
        out.band.node.querySelector("[data-band-meaning]").childNodes.forEach(function (node) { said.append(node.cloneNode(true)); });
      }
      result.append(said);
      /* on the day of the call, before what could change it is rated */
      var pending = parts.forNow(model, out);
      if (pending) result.append(el("p", pending));
      var missed = out.essentialsMissed;
      list(Playbook.t("assessment_result.essentials_failed"), missed, true);
      list(Playbook.t("assessment_result.essentials_short"), held.filter(function (row) { return missed.indexOf(row) < 0; }), true);
      list(Playbook.t("assessment_result.missed_holding"), missedHolding, true);
      /* a call where nothing fell short of what the essentials need ("Done") names what to take further, not to
         work on first (a manager read three behaviours rated "Done" under "Work on first" after a strong call) */
      var toImprove = parts.toImprove(model);
      var improve = toImprove.rows.filter(function (row) { return held.indexOf(row) < 0 && missedHolding.indexOf(row) < 0; }).slice(0, 3);
      list(toImprove.done ? Playbook.t("assessment_result.take_further", { answer: model.essentialsAnswer }) : Playbook.t("assessment_result.work_on_first"), improve, true);
      list(aboutSomeoneElse ? Playbook.t("assessment_result.strengths_seen") : Playbook.t("assessment_result.strengths"), strongest(model.rows, 1));
    }

    /* Why a level doesn't count yet, in words: its habit statements skipped, or too few answers. */
    function shortfall(group) {
      if (group.limitsUnanswered) return Playbook.t("assessment_result.habits_unanswered", { count: group.limitsUnanswered });
      return Playbook.t("assessment_result.more_answers", { count: model.neededPerGroup - group.answered });
    }

    function levelsTable() {
      var table = el("table");
      table.append(el("caption", Playbook.t("assessment_result.levels_caption")));
      var head = el("tr");
      [Playbook.t("assessment_result.level"), Playbook.t("assessment_result.answered"), Playbook.t("assessment_result.score"), Playbook.t("assessment_result.result")].forEach(function (name) {
        var th = el("th", name);
        th.scope = "col";
        head.append(th);
      });
      table.append(head);
      out.groups.forEach(function (group, index) {
        var tr = el("tr");
        var th = el("th", Playbook.t("assessment_result.level_row", { number: index + 1, level: group.name }));
        th.scope = "row";
        var verdict = !group.enough ? shortfall(group)
          : group.habitsHeld && group.band.reached ? Playbook.t("assessment_result.held_back", { band: group.band.name, count: group.habitsHeld, answer: model.habitsAtMost })
          : group.habitsHeld ? Playbook.t("assessment_result.habits_too", { band: group.band.name, count: group.habitsHeld, answer: model.habitsAtMost })
          : group.behavioursBelow && group.band.reached ? Playbook.t("assessment_result.not_done", { band: group.band.name, count: group.behavioursBelow, least: model.behaviourAnswer })
          : group.reached && out.waitingOnBasics && out.level && index > out.groups.indexOf(out.level) && index <= out.groups.indexOf(out.waitingOnBasics) ? Playbook.t("assessment_result.reached_waits_for_basics", { band: group.band.name })
          : group.reached && index > out.groups.indexOf(out.level) ? Playbook.t("assessment_result.reached_not_counting", { band: group.band.name })
          : parts.bandName(group.band);
        var score = group.score === null ? "–" : Playbook.t("assessment_result.percent", { score: group.score });
        tr.append(th, el("td", Playbook.t("assessment_result.answered_of", { answered: group.answered, total: group.rows.length })), el("td", score), el("td", verdict));
        table.append(tr);
      });
      result.append(table);
    }

    /* The habits behind the table's "but … habits still …", the most like the rep first, so the rep hears which
       habit to drop, not only how many: first those on levels they alone hold back (parts.heldByHabits) or on
       levels up to the reader's, then, apart, those on levels further up, which the reader's behaviours keep out
       of reach for now (not those "Behaviours to work on next" names as "Still true"): the FURTHER_NAMED on the
       nearest levels, the most like the rep first within a level, and
       the rest counted (a rep below level 1 was given seven habits, some from the top of the ladder, to drop
       before the basics; a rep read a level-6 habit named before the level-4 one that mattered next). */
    function heldHabits() {
      var holding = [];
      var further = [];
      var own = out.level ? out.groups.indexOf(out.level) : -1;
      var next = parts.target(out, model);
      var named = next ? parts.toWorkOn(model, next).slice(0, WORK_ON_NAMED) : [];  /* as workOnNext lists them */
      out.groups.forEach(function (group, index) {
        var upward = !parts.heldByHabits(model, group) && index > own;
        parts.weakestFirst(group.rows).filter(function (row) { return parts.heldHabit(model, row) && !(upward && named.indexOf(row) >= 0); }).forEach(function (row) {
          var said = Playbook.t("assessment_result.held_habit", { level: group.name, statement: Playbook.t("assessment_result.with_answer", { statement: row.text, answer: row.answer }) });
          if (upward) further.push({ said: said, share: share(row), index: index });
          else holding.push(said);
        });
      });
      further.sort(function (a, b) { return a.index - b.index || a.share - b.share; });
      if (holding.length) textList(Playbook.t("assessment_result.held_habits"), holding);
      if (!further.length) return;
      textList(Playbook.t("assessment_result.habits_further_up"), further.slice(0, FURTHER_NAMED).map(function (habit) { return habit.said; }));
      if (further.length > FURTHER_NAMED) result.append(el("p", Playbook.t("assessment_result.habits_further_up_more", { count: further.length - FURTHER_NAMED })));
    }

    function textList(heading, items) {
      result.append(el("h4", heading));
      var ul = el("ul");
      items.forEach(function (text) { ul.append(el("li", text)); });
      result.append(ul);
    }

    /* Why level 1 isn't reached: its habits alone ("however strong the rest") only where its score is in a band
       that reaches it; else its score first, with the habits beside it (a sales leader read a rep at 47%, three
       basics at "A little", told the one habit alone held them back). */
    function whyNoLevel() {
      var first = out.groups[0];
      /* a level 1 left unanswered has no score or band (a form complete without it crashed here, found by
         tests/browser/test_scoring_agrees.py) */
      if (!first.enough) return result.append(el("p", Playbook.t("assessment_result.first_cannot_count", { level: first.name, why: shortfall(first) })));
      var said = { level: first.name, score: first.score, band: parts.bandName(first.band), count: first.habitsHeld, answer: model.habitsAtMost };
      /* "below" only where the result lists something to work on there (a blank is asked for, not listed) */
      var below = parts.toWorkOn(model, first).length ? " " + Playbook.t("assessment_result.start_below") : "";
      result.append(el("p", !first.band.reached
        ? (first.habitsHeld ? Playbook.t("assessment_result.first_not_reached_habits", said) : Playbook.t("assessment_result.first_not_reached", said)) + below
        : first.habitsHeld
          ? Playbook.t("assessment_result.first_held_back", said)
          : Playbook.t("assessment_result.first_not_done", { level: first.name, score: first.score, count: first.behavioursBelow, least: model.behaviourAnswer })));
    }

    /* A strong seller with gaps lower on the ladder is rated at their level and told where the gaps are; one
       whose higher levels are reached above a level that caps them is told which level holds the ladder. */
    function gap() {
      var gaps = out.level ? out.groups.slice(0, out.groups.indexOf(out.level)).filter(function (group) { return !group.reached; }) : [];
      if (gaps.length) result.append(el("p", Playbook.t("assessment_result.gap", { levels: Playbook.list(gaps.map(function (group) { return group.name; })), first: gaps[0].name })));
      /* the level the answers reach waits for the basics (the headline says how many): why, and what to bring */
      if (out.waitingOnBasics && out.level) {
        var words = parts.basicsWords(model);
        result.append(el("p", Playbook.t("assessment_result.basics_first", { reached: out.waitingOnBasics.name, basics: words.basics, top: words.top, answer: model.behaviourAnswer })));
        return;
      }
      if (gaps.length) return;
      var cap = parts.target(out);
      var above = cap ? out.groups.slice(out.groups.indexOf(cap) + 1).filter(function (group) { return group.reached; }) : [];
      if (!above.length) return;
      var levels = Playbook.list(above.map(function (group) { return group.name; }));
      var number = out.groups.indexOf(cap) + 1;
      /* Where every level below the highest reached one holds, what holds the ladder is how many gaps it has
         (a behaviour a notch short aside: parts.countedGaps). */
      var below = out.groups.slice(0, out.groups.indexOf(above[above.length - 1]));
      var gaps = parts.countedGaps(model, below);
      if (model.gapsMost !== null && below.every(function (group) { return parts.holds(model, group); })) {
        result.append(el("p", Playbook.t("assessment_result.too_many_gaps", { levels: levels, gap_count: gaps.length, gaps: Playbook.list(gaps.map(function (group) { return group.name; })), count: model.gapsMost, level: cap.name, number: number })));
        return;
      }
      /* The levels below them to put in place, as the headline names them (parts.reachedAbove). */
      var holding = parts.reachedAbove(model, out);
      var names = holding ? holding.holding.map(function (group) { return group.name; }) : [cap.name];
      result.append(el("p", Playbook.t("assessment_result.cap", { levels: levels, holding: Playbook.list(names), count: names.length, level: cap.name, number: number })));
    }

    /* Strongly agreeing with the habits as well as the strengths contradicts itself: say so (whether it did). */
    function yesToEverything() {
      var limits = model.rows.filter(function (row) { return row.limit && row.points !== null; });
      var strengths = model.rows.filter(function (row) { return !row.limit && row.points !== null; });
      var agreedHabits = limits.filter(function (row) { return row.points === 0; }).length;
      var agreedStrengths = strengths.filter(function (row) { return share(row) === 1; }).length;
      if (limits.length && agreedHabits * 2 > limits.length && agreedStrengths * 2 > strengths.length) {
        result.append(el("p", Playbook.t("assessment_result.yes_to_everything"), "pb-assessment__warning"));
        return true;
      }
      return false;
    }

    /* A habit and a strength that cannot both be true of one account, both answered "Mostly" or more (an
       enablement reviewer: a single contact "Just like me" beside a contact in every department "Just like me"
       went unchallenged): name each pair and ask which is closer. The level is the rule's, but its strengths
       are not praised until the answers agree (a doubt, as upsideDown's). */
    function contradicted() {
      var pairs = parts.contradictions(model);
      if (!pairs.length) return false;
      result.append(el("p", Playbook.t("assessment_result.contradicts", { count: pairs.length }), "pb-assessment__warning"));
      var ul = el("ul");
      pairs.forEach(function (pair) {
        ul.append(el("li", Playbook.t("assessment_result.contradicting_pair", { habit: pair[0].text, habit_answer: pair[0].answer, strength: pair[1].text, strength_answer: pair[1].answer })));
      });
      result.append(ul);
      return true;
    }

    /* A level reached high on the ladder with most of the levels below it not even part of the way there (not
       holding as a gap) reads the ladder upside down (the top level's behaviours agreed to, the basics they rest
       on not): say so, and praise none of it. Levels a behaviour short of reached are gaps, not a reason to doubt
       the answers (a manager: two "A little"s below a solution seller were read as dishonesty). Whether it does
       (parts.reachedAbove). */
    function upsideDown() {
      /* levels held back by blanks are not doubtful answers: the result asks for them (a sales director: a rep
         who skipped some was told to read the statements again) */
      if (model.rows.some(function (row) { return row.points === null && !row.limit && !parts.notComeUp(model, row); })) return false;
      var reached = parts.reachedAbove(model, out);
      var notInPlace = reached && out.groups.slice(0, reached.number - 1).filter(function (group) { return !parts.holds(model, group); }).length;
      if (!reached || notInPlace * 2 <= reached.number - 1) return false;
      result.append(el("p", Playbook.t("assessment_result.upside_down", { level: reached.level.name, number: reached.number }), "pb-assessment__warning"));
      return true;
    }

    /* What to work on next: the next level's behaviours not yet at the top answer, led by the habits that
       hold it back, else by one to build. */
    function workOnNext(target) {
      var open = parts.toWorkOn(model, target);
      list(Playbook.t("assessment_result.work_on_next", { level: target.name }), open.slice(0, WORK_ON_NAMED));
      questions(target, open);
    }

    /* A behaviour below `level` (the one whose strengths are listed) answered at the bottom of the scale (a
       promise not kept, a next step never booked) is named even where its level is reached: a score doesn't
       hide it; so is one that keeps a gap below from being reached (a sales director: a rep placed at the top
       with two gaps below saw the second gap's behaviour named nowhere, and the 1:1 needs it). The level to work
       on lists its own already. */
    function notYetBelow(target, level) {
      var below = out.groups.slice(0, out.groups.indexOf(level)).filter(function (group) { return group !== target; });
      return [].concat.apply([], below.map(function (group) {
        return group.rows.filter(function (row) { return !row.limit && (row.points === 0 || !group.reached && row.points !== null && parts.belowReached(model, row)); });
      }));
    }

    /* The level to work on: the lowest gap below the reader's level, else the level above it (assessment.js).
       Where higher levels are reached but held back, the strongest and weakest come from the highest of them,
       the level the rep works at, named in the heading, as the headline names it. */
    function nextSteps(doubtful) {
      var target = parts.target(out, model);
      var number = out.groups.indexOf(target) + 1;
      var above = !out.level || number > out.groups.indexOf(out.level) + 1;
      var reached = parts.reachedAbove(model, out);
      var shown = reached ? reached.level : out.level;
      /* at the top with nothing below to work on, the one thing named to keep working on: not also a strength */
      var top = out.level && out.groups.indexOf(out.level) === out.groups.length - 1 ? out.level : null;
      var keepOn = top && !target ? parts.toWorkOn(model, top)[0] : null;
      if (shown && !doubtful) {
        /* only those at the top answer: "Mostly" is not yet second nature, the basics rule's own test (a sales
           leader read "Mostly" answers listed as strongest) */
        var strong = strongest(shown.rows, 1, keepOn);
        var words = reached ? { level: shown.name, number: reached.number } : {};
        list(reached ? Playbook.t("assessment_result.strongest_reached", words) : Playbook.t("assessment_result.strongest_here"), strong);
        var weak = weakest(shown.rows, strong);
        list(reached ? Playbook.t("assessment_result.weakest_reached", words) : Playbook.t("assessment_result.weakest_here"), weak);
        /* every behaviour there answered alike, below the top: said, rather than a list of neither */
        var alike = shown.rows.filter(function (row) { return !row.limit && row.points !== null; });
        if (!strong.length && !weak.length && alike.length && alike.every(function (row) { return row.answer === alike[0].answer; })) {
          result.append(el("p", Playbook.t("assessment_result.all_alike", { answer: alike[0].answer })));
        }
        list(Playbook.t("assessment_result.not_yet_below"), notYetBelow(target, shown));
      }
      if (target && !target.enough) result.append(el("p", Playbook.t("assessment_result.next_cannot_count", { number: number, level: target.name, why: shortfall(target) })));
      else if (target && target.habitsHeld && target.band.reached) result.append(el("p", Playbook.t("assessment_result.next_held_back", { number: number, level: target.name, band: target.band.name, count: target.habitsHeld, answer: model.habitsAtMost })));
      else if (target && target.behavioursBelow && target.band.reached) result.append(el("p", Playbook.t("assessment_result.next_not_done", { number: number, level: target.name, band: target.band.name, count: target.behavioursBelow, least: model.behaviourAnswer })));
      if (out.level && above) result.append(out.level.node.querySelector("[data-move-up]").cloneNode(true));
      if (target) workOnNext(target);
      if (top) topOfLadder(keepOn);
    }

    /* The top of the ladder by the reader's own answers (an over-confident order taker rates themself here too,
       a sales leader found): ask for it to be gone through on named accounts; with no gap below to work on,
       still name one thing at this level, the first the result would work on (parts.toWorkOn). */
    function topOfLadder(first) {
      result.append(el("p", first ? Playbook.t("assessment_result.top_of_ladder", { statement: first.text }) : Playbook.t("assessment_result.top_of_ladder_check"), "pb-assessment__warning"));
    }

    function questions(target, open) {
      var picks = parts.questionsToDevelop(open, parts.all(target.node, "[data-develop] > li"));
      if (!picks.length) return;
      result.append(el("h4", out.rating && out.rating.rated_by === "manager" ? Playbook.t("assessment_result.questions_to_ask") : Playbook.t("assessment_result.questions")));
      var ul = el("ul");
      picks.forEach(function (li) { ul.append(li.cloneNode(true)); });
      result.append(ul);
    }

    /* An essential left blank is already named above, as holding the result back: not "not counted" here; a
       behaviour left blank as not come up in the account (parts.notComeUp) is listed apart, to check. On
       the day of the meeting, what can only be seen the next day (data-rated-next-day) is listed as still to
       rate, not as left blank. */
    function unanswered() {
      var missing = model.rows.filter(function (row) { return row.points === null && (out.essentialsShort || []).indexOf(row) < 0; });
      var later = parts.rateLater(model, out);
      var absent = missing.filter(function (row) { return parts.notComeUp(model, row); });
      missing = missing.filter(function (row) { return later.indexOf(row) < 0 && absent.indexOf(row) < 0; });
      if (missing.length) {
        result.append(el("h4", model.habitLeast !== null ? Playbook.t("assessment_result.not_answered_hold_back")
          : form.hasAttribute("data-fresh-each-day") ? Playbook.t("assessment_result.left_blank_heading") : Playbook.t("assessment_result.not_answered")));
        result.append(linked(missing));
      }
      if (absent.length) {
        result.append(el("h4", Playbook.t("assessment_result.not_come_up_heading")));
        result.append(linked(absent));
      }
      if (later.length) {
        var until = { day: Playbook.dates.day(out.openUntil, "long-weekday") };
        result.append(el("h4", out.rateNow ? Playbook.t("assessment_result.rate_now_heading") : Playbook.t("assessment_result.rate_next_day_heading")));
        result.append(el("p", out.rateNow ? Playbook.t("assessment_result.rate_now", until) : Playbook.t("assessment_result.rate_next_day", until)));
        result.append(linked(later));
      }
    }

    /* Statements as a list of links to their place in the form. */
    function linked(rows) {
      var ul = el("ul");
      rows.forEach(function (row) {
        var link = el("a", row.text);
        link.href = "#" + row.fieldset.id;
        var li = el("li");
        li.append(link);
        ul.append(li);
      });
      return ul;
    }

    /* Who rated, about which account, as every place showing a level result says it. */
    function rating() {
      var said = Playbook.levelRating.describe(out.rating);
      result.append(el("p", said.charAt(0).toUpperCase() + said.slice(1) + "."));
    }

    /* Answers changed after the headline named them, as the result keeps them for the 1:1 (a sales leader: a rep
       raised the one answer named and read the level above, with no trace): said to the reader too. */
    function raised() {
      if (!out.raised || !out.raised.length) return;
      var said = el("p", Playbook.t("assessment_result.raised", { count: out.raised.length }), "pb-assessment__warning");
      result.append(said);
      var ul = document.createElement("ul");
      out.raised.forEach(function (entry) { ul.append(el("li", Playbook.t("assessment_result.raised_item", { statement: entry.text, from: entry.from, to: entry.to }))); });
      result.append(ul);
    }

    function ladder() {
      result.append(el("h3", out.headline));
      raised();
      if (out.rating) rating();
      if (model.balanced) yesToEverything();
      var doubtful = contradicted();
      doubtful = upsideDown() || doubtful;
      if (!out.level) whyNoLevel();
      gap();
      levelsTable();
      heldHabits();
      nextSteps(doubtful);
    }

    return {
      all: function () {
        if (!out.complete) incomplete();
        else if (model.ladder) ladder();
        else scored();
        unanswered();
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
