/* Self-assessment widget: adds up the points each answer carries (macros/scoring.py sets them in the page),
   shows and announces the result once enough statements are answered, keeps answers in this browser and
   exports them. Data text in the result is cloned from the server-rendered form, never built from strings. */
(function (Playbook) {
  "use strict";

  function all(node, selector) {
    return Array.prototype.slice.call(node.querySelectorAll(selector));
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* ------------------------------------------------ the scoring rule: macros/scoring.py, step for step */

  /* Whole percentage of the weighted points over the most the answered rows could score, half up. */
  function percent(rows) {
    var got = 0, most = 0;
    rows.forEach(function (row) {
      if (row.points !== null) {
        got += row.weight * row.points;
        most += row.weight * row.most;
      }
    });
    return most ? Math.floor((100 * got) / most + 0.5) : null;
  }

  /* The rows a score counts, as macros/scoring.py's _scored: those answered; in a level assessment
     (habitLeast set) every behaviour but no habit once any of the rows is answered, a blank one scoring none. */
  function scoredRows(model, rows) {
    if (model.habitLeast === null) return rows;
    if (!rows.some(function (row) { return row.points !== null; })) return [];
    return rows.filter(function (row) { return !row.limit && !notComeUp(model, row); }).map(function (row) {
      return { weight: row.weight, most: row.most, points: row.points === null ? 0 : row.points };
    });
  }

  /* A behaviour left blank in a level with no more blanks than notComeUpPerLevel, each one that may not come up in
     an account (data-may-not-come-up; scoring.not_come_up): read as not come up, it neither scores nor holds its
     level back. */
  function notComeUp(model, row) {
    if (row.limit || row.points !== null || !model.notComeUpPerLevel) return false;
    var blank = model.rows.filter(function (each) { return each.group === row.group && !each.limit && each.points === null; });
    return blank.length <= model.notComeUpPerLevel && blank.every(function (each) { return each.mayNotComeUp; });
  }

  /* A habit still more like the reader than a level assessment allows (fewer points than habitLeast). */
  function heldHabit(model, row) {
    return row.limit && model.habitLeast !== null && row.points !== null && row.points < model.habitLeast;
  }

  /* Each habit held (heldHabit) beside a strength it cannot be true beside in one account (data-contradicts,
     levels.yml's `contradicts`) answered at least behaviourLeast ("Mostly"): [habit, strength] pairs. */
  function contradictions(model) {
    var byId = {};
    model.rows.forEach(function (row) { byId[row.id] = row; });
    return [].concat.apply([], model.rows.filter(function (row) { return heldHabit(model, row); }).map(function (habit) {
      return habit.contradicts.map(function (id) { return byId[id]; }).filter(function (strength) {
        return strength && strength.points !== null && model.behaviourLeast !== null && strength.points >= model.behaviourLeast;
      }).map(function (strength) { return [habit, strength]; });
    }));
  }

  /* A behaviour left blank or answered below behaviourLeast (the mirror of the habits' highest answer: "Mostly"
     against "A little"), which keeps its level from being reached however the rest scores (scoring.result). */
  function belowReached(model, row) {
    return model.behaviourLeast !== null && !row.limit && (row.points === null ? !notComeUp(model, row) : row.points < model.behaviourLeast);
  }

  /* With missed_essential_fails, the essentials answered with the scale's lowest answer that fail the form: those
     of each group that fails it together (data-can-fail names the group) answered so in full
     (scoring.essentials_missed). */
  function essentialsMissed(model) {
    var failing = model.rows.filter(function (row) { return row.canFail !== null && model.missedAt !== null; });
    return failing.filter(function (row) {
      return failing.every(function (other) { return other.canFail !== row.canFail || other.value === model.missedAt; });
    });
  }

  /* A row that holds the top band back as an essential: one marked essential, or one essential when rated that is
     answered (a discovery call's cost of the problem; left blank on a call past that stage, it holds nothing). */
  function countsAsEssential(row) {
    return row.essential || (row.whenRated && row.value !== null);
  }

  /* The essential rows left blank or answered below the form's least answer for one (scoring.essentials_short). */
  function essentialsShort(model) {
    return model.rows.filter(function (row) { return countsAsEssential(row) && (row.value === null || row.value < model.essentialsLeast); });
  }

  function bandFor(bands, score) {
    return bands.filter(function (band, index) {
      return band.from <= score && (score < band.to || index === bands.length - 1);
    })[0] || bands[bands.length - 1];
  }

  /* Answered rows from the lowest share of their most points (heavier first on a tie), then the rest. */
  function weakestFirst(rows) {
    var answered = rows.filter(function (row) { return row.points !== null; });
    answered.sort(function (a, b) { return a.points / a.most - b.points / b.most || b.weight - a.weight; });
    return answered.concat(rows.filter(function (row) { return row.points === null; }));
  }

  /* What a scored form's answers leave to work on, in order: the essentials among them first (a call's next step
     asked for), those failing the form before those holding it back, as the result lists them, then the rest
     weakest first. That is what fell short of the answer the form's essentials need (its
     own "done well enough": a ride-along's "Done"), so a behaviour done is not listed beside those missed; where
     nothing did, or on a form without essentials, what fell short of the top answer, so a call with every
     behaviour only "Done" still names what to take further. { rows, done }: done says which of the two it is
     (true: every row at least the essentials' answer), for the result's heading. */
  function toImprove(model) {
    var belowTop = weakestFirst(model.rows).filter(function (row) { return row.points !== null && row.points < row.most; });
    var belowBar = model.essentialsLeast === null ? [] : belowTop.filter(function (row) { return row.limit || row.value < model.essentialsLeast; });
    var short = belowBar.length ? belowBar : belowTop;
    var failing = essentialsMissed(model);
    return {
      rows: short.filter(function (row) { return failing.indexOf(row) >= 0; })
        .concat(short.filter(function (row) { return countsAsEssential(row) && failing.indexOf(row) < 0; }))
        .concat(short.filter(function (row) { return !countsAsEssential(row); })),
      done: model.essentialsLeast !== null && !belowBar.length
    };
  }

  /* While the form keeps the meeting open (out.openUntil: on its day, or reopened on a later one), the statements
     not rated yet that can be seen only the next day (data-rated-next-day): still to rate, not left blank. */
  function rateLater(model, out) {
    return out.openUntil ? model.rows.filter(function (row) { return row.points === null && row.fieldset.hasAttribute("data-rated-next-day"); }) : [];
  }

  /* The sentence saying the result is for now while some of those are still to rate (rateLater), or "". */
  function forNow(model, out) {
    var later = rateLater(model, out).length;
    return !later ? "" : out.rateNow ? Playbook.t("assessment.for_now_open", { count: later }) : Playbook.t("assessment.for_now", { count: later });
  }

  /* Answered rows from the highest share of their most points, heavier first on a tie. */
  function strongestFirst(rows) {
    var answered = rows.filter(function (row) { return row.points !== null; });
    return answered.sort(function (a, b) { return b.points / b.most - a.points / a.most || b.weight - a.weight; });
  }

  /* How many questions a level result offers: "two or three that fit the moment", as the question bank asks. */
  var QUESTIONS_OFFERED = 3;

  /* Up to QUESTIONS_OFFERED of the coaching questions of the behaviours to work on (`weakest`, in toWorkOn's
     order): all of the first one's, then one from each of the others in turn on a stage not yet covered, then
     any; listed in a conversation's order (data-stage-number). */
  function questionsToDevelop(weakest, entries) {
    var picked = [], added = true;
    function ofRow(row) { return entries.filter(function (li) { return li.dataset.behaviour === row.id; }); }
    function taken(li) { return picked.some(function (p) { return p.dataset.question === li.dataset.question; }); }
    function newStage(li) { return !picked.some(function (p) { return p.dataset.stage === li.dataset.stage; }); }
    function add(li) { if (!taken(li) && picked.length < QUESTIONS_OFFERED) picked.push(li); }
    if (weakest.length) ofRow(weakest[0]).forEach(add);
    while (added && picked.length < QUESTIONS_OFFERED) {
      added = false;
      weakest.slice(1).forEach(function (row) {
        var fresh = ofRow(row).filter(function (li) { return !taken(li) && newStage(li); })[0];
        if (fresh && picked.length < QUESTIONS_OFFERED) {
          picked.push(fresh);
          added = true;
        }
      });
    }
    weakest.forEach(function (row) { ofRow(row).forEach(add); });
    return picked.sort(function (a, b) { return a.dataset.stageNumber - b.dataset.stageNumber; });
  }

  /* Groups scored, then the whole; a level is reached with enough answers (in a balanced assessment, all of
     its limits among them), a reached band and no habit answered above the level assessment's highest answer
     for one (fewer points than habitLeast); the level is the highest reached one whose levels below let it count. */
  function evaluate(model) {
    var groups = model.groups.map(function (group) {
      var rows = model.rows.filter(function (row) { return row.group === group.id; });
      var answered = rows.filter(function (row) { return row.points !== null; }).length;
      var score = percent(scoredRows(model, rows));
      var band = score === null ? null : bandFor(model.bands, score);
      var skipped = model.balanced ? rows.filter(function (row) { return row.limit && row.points === null; }).length : 0;
      var held = rows.filter(function (row) { return heldHabit(model, row); }).length;
      /* short of a gap: below gapLeast, or a foundation below a reached level's least (scoring.result) */
      var short = model.gapLeast === null ? 0 : rows.filter(function (row) { return !row.limit && (row.points === null ? !notComeUp(model, row) : row.points < model.gapLeast || row.foundation && belowReached(model, row)); }).length;
      var below = rows.filter(function (row) { return belowReached(model, row); }).length;
      /* held so high it caps: fully, or at all for a foundation habit (scoring.result) */
      var fullyHeld = model.gapLeast === null ? held : rows.filter(function (row) { return heldHabit(model, row) && (row.points < model.gapLeast || row.foundation); }).length;
      var enough = answered >= model.neededPerGroup && !skipped;
      return { id: group.id, name: group.name, node: group.node, rows: rows, answered: answered, limitsUnanswered: skipped, habitsHeld: held, habitsFullyHeld: fullyHeld, behavioursShort: short, behavioursBelow: below, score: score, band: band, enough: enough, reached: enough && !!band && band.reached && !held && !below };
    });
    var answered = model.rows.filter(function (row) { return row.points !== null; }).length;
    var out = { answered: answered, needed: model.needed, complete: answered >= model.needed, groups: groups, level: null };
    if (!out.complete) return out;
    out.score = percent(scoredRows(model, model.rows));
    out.band = bandFor(model.bands, out.score);
    out.essentialsMissed = essentialsMissed(model);
    out.essentialsShort = out.band === model.bands[model.bands.length - 1] || out.essentialsMissed.length ? essentialsShort(model) : [];
    /* With top_band_needs_nothing_missed, a statement answered the lowest keeps a top-band score in the band below
       (scoring.missed_holding), once no essential does. */
    out.missedHolding = model.nothingMissed && out.band === model.bands[model.bands.length - 1] && !out.essentialsMissed.length && !out.essentialsShort.length
      ? model.rows.filter(function (row) { return row.value !== null && row.value === model.lowest; }) : [];
    if (out.essentialsMissed.length) out.band = model.bands[0];
    else if (out.essentialsShort.length || out.missedHolding.length) out.band = model.bands[model.bands.length - 2];
    out.waitingOnBasics = null;
    groups.forEach(function (group, index) {
      if (!group.reached || !letsCount(model, groups.slice(0, index))) return;
      if (waitsForBasics(model, index)) out.waitingOnBasics = group;
      else out.level = group;
    });
    return out;
  }

  /* With basics_first (scoring.basics_at_top): the basics levels' behaviours (habits aside) answered with the
     scale's top answer; else 0. */
  function basicsAtTop(model) {
    if (!model.basics) return 0;
    return model.rows.filter(function (row) { return !row.limit && model.basics.levels.indexOf(row.group) >= 0 && row.points !== null && row.points === row.most; }).length;
  }

  /* With basics_first (scoring.basics_short): the basics levels' behaviours (habits aside) below a reached level's
     least answer, or left blank but for one read as not come up; else none. */
  function basicsShort(model) {
    if (!model.basics) return [];
    return model.rows.filter(function (row) { return model.basics.levels.indexOf(row.group) >= 0 && belowReached(model, row); });
  }

  /* Whether the level at `index`, reached and let count by the levels below, waits for the basics
     (scoring.waits_for_basics): from basics_first's level up, with fewer basics answered at the top than it needs,
     or any of them short of a reached level's least answer. */
  function waitsForBasics(model, index) {
    if (!model.basics) return false;
    var from = model.groups.map(function (group) { return group.id; }).indexOf(model.basics.from);
    return index >= from && (basicsAtTop(model) < model.basics.atLeast || basicsShort(model).length > 0);
  }

  /* Whether the levels below a reached level let it count (scoring.lets_count): each holds, and no more than
     gapsMost of them count as gaps (countedGaps). */
  function letsCount(model, below) {
    return below.every(function (group) { return holds(model, group); }) && (model.gapsMost === null || countedGaps(model, below).length <= model.gapsMost);
  }

  /* The levels below that count against gapsMost (scoring.counted_gaps): each holding without being reached,
     but a basics level that is a near miss where one behaviour is a notch short (a habit held counts), in the
     ladder's order. */
  function countedGaps(model, below) {
    var basics = model.basics ? model.basics.levels : [];
    return below.filter(function (group) { return !group.reached && holds(model, group) && !(basics.indexOf(group.id) >= 0 && nearMiss(model, group) && !group.habitsHeld); });
  }

  /* Whether a level below is a gap one answer short of reached (scoring.near_miss): a reached band, and one
     behaviour or one habit a notch off the only thing holding it; one held by a behaviour is not counted against
     gapsMost. */
  function nearMiss(model, group) {
    return !group.reached && holds(model, group) && !!group.band && !!group.band.reached &&
      group.habitsHeld + group.behavioursBelow === 1 && !group.behavioursShort && !group.habitsFullyHeld;
  }

  /* Whether a level below another lets it count (scoring.holds): reached, or with lowerLeast a gap to close
     rather than a cap: enough answers, no behaviour below gapLeast, and either at least that score with no habit
     held, or a reached band held back only by habits, no more than gapHabitsMost of them and none held fully
     (fewer points than gapLeast). */
  function holds(model, group) {
    if (group.reached || model.lowerLeast === null) return group.reached;
    if (!group.enough || group.score === null || group.behavioursShort || group.habitsFullyHeld || group.habitsHeld > model.gapHabitsMost) return false;
    return group.habitsHeld ? group.band.reached : group.score >= model.lowerLeast;
  }

  /* Whether habits alone keep a level from being reached, or, below a level reached, from holding: with
     them grown out of, it would. */
  function heldByHabits(model, group) {
    if (!group.enough || !group.habitsHeld) return false;
    var wouldHold = model.lowerLeast !== null && group.score !== null && group.score >= model.lowerLeast && !group.behavioursShort;
    return !!group.band && group.band.reached && !group.behavioursBelow || wouldHold;
  }

  /* The level to work on next: the lowest gap below the reader's level, else, while the level the answers reach
     waits for the basics, the first basics level with a behaviour short of the top answer (the basics to make
     second nature), else the level above it. */
  function target(out, model) {
    if (out.waitingOnBasics && out.level && model) {
      var basic = out.groups.filter(function (group) {
        return model.basics.levels.indexOf(group.id) >= 0 && group.rows.some(function (row) { return !row.limit && row.points !== row.most; });
      })[0];
      var gapBelow = out.level ? out.groups.slice(0, out.groups.indexOf(out.level)).filter(function (group) { return !group.reached; })[0] : null;
      if (basic && !gapBelow) return basic;
    }
    var index = out.level ? out.groups.indexOf(out.level) : out.groups.length;
    var gap = out.groups.slice(0, index).filter(function (group) { return !group.reached; })[0];
    return gap || out.groups[out.level ? index + 1 : 0];
  }

  /* A level above the reader's that is reached but can't count yet (the `cap` and `too_many_gaps` cases): the
     highest, and the fewest levels below it that, once in place (reached), let it count (letsCount): each that
     doesn't hold, and, where the gaps that count (countedGaps) are more than allowed, the lowest of those too; null
     otherwise. The rated level stays the scoring rule's: this only says what the result's words must not hide. */
  function reachedAbove(model, out) {
    var from = out.level ? out.groups.indexOf(out.level) + 1 : 0;
    var reached = out.groups.slice(from).filter(function (group) { return group.reached; }).pop();
    if (!reached) return null;
    var unreached = out.groups.slice(0, out.groups.indexOf(reached)).filter(function (group) { return !group.reached; });
    var gaps = countedGaps(model, unreached);
    var extra = model.gapsMost === null ? 0 : Math.max(0, gaps.length - model.gapsMost);
    var holding = unreached.filter(function (group) { var gap = gaps.indexOf(group); return !holds(model, group) || gap >= 0 && gap < extra; });
    return holding.length ? { level: reached, number: out.groups.indexOf(reached) + 1, holding: holding } : null;
  }

  /* The points of the answer labelled `label` on `row`'s scale, or -Infinity for none (a label since renamed). */
  function pointsOf(row, label) {
    var found = Array.prototype.filter.call(row.fieldset.querySelectorAll("input[data-points]"), function (input) { return input.parentNode.textContent.trim() === label; })[0];
    return found ? +found.dataset.points : -Infinity;
  }

  /* The model with one row's points changed: what the result would be were that one answer different. */
  function movedTo(model, row, points) {
    return evaluate(Object.assign({}, model, { rows: model.rows.map(function (each) { return each === row ? Object.assign({}, each, { points: points }) : each; }) }));
  }

  /* The points a reached level allows for a row that holds its level back (a habit held, a behaviour answered below
     behaviourLeast), or null for a row that doesn't. */
  function leastAllowed(model, row) {
    return heldHabit(model, row) ? model.habitLeast : row.points !== null && belowReached(model, row) ? model.behaviourLeast : null;
  }

  /* Whether a result, moved, counts a level at `index` or above. */
  function countsFrom(moved, index) {
    return !!moved.level && moved.groups.map(function (g) { return g.id; }).indexOf(moved.level.id) >= index;
  }

  /* Whether `row`, holding its level back, is one answer short of `to`, the least points a reached level allows:
     the answer just below it on the scale ("A little" where "Mostly" is needed). */
  function oneStepShort(row, to) {
    var below = Array.prototype.map.call(row.fieldset.querySelectorAll("input[data-points]"), function (input) { return +input.dataset.points; })
      .filter(function (points) { return points < to; });
    return below.length > 0 && row.points === Math.max.apply(null, below);
  }

  /* A level above the one reached (level 1 with none), where the headline has more to say of it than the
     body's table: { level, number, why } for the level just above while unanswered statements keep it from
     counting and answering them could let it (a sales leader: habits skipped read "No level reached yet", not
     incomplete; a checker: not where no answer could), or { level, number, row } for the highest level where one
     answer of its own a step short of the least a reached level allows is all that keeps it from counting (a rep one behaviour short of their own level was not told so
     until the table). Not an answer further off, which is a gap rather than a near miss, nor one that may not
     come up, which a blank would lift (a sales leader). Null otherwise, and while a level waits for the basics. */
  function nextLevelNote(model, out) {
    var index = out.level ? out.groups.indexOf(out.level) + 1 : 0;
    var group = out.groups[index];
    if (!group || group.reached || out.waitingOnBasics) return null;
    var said = { level: group, number: index + 1 };
    var blanks = group.rows.filter(function (row) { return row.points === null && !notComeUp(model, row); });
    if (!group.enough || blanks.length) {
      var best = evaluate(Object.assign({}, model, { rows: model.rows.map(function (each) { return blanks.indexOf(each) >= 0 ? Object.assign({}, each, { points: each.most }) : each; }) }));
      if (!countsFrom(best, index)) return null;
      var why = group.limitsUnanswered ? Playbook.t("assessment_result.habits_unanswered", { count: group.limitsUnanswered })
        : !group.enough ? Playbook.t("assessment_result.more_answers", { count: model.neededPerGroup - group.answered })
        : Playbook.t("assessment_result.behaviours_unanswered", { count: blanks.length });
      return Object.assign(said, { why: why });
    }
    /* the highest level above that one answer of its own a step short keeps from counting: with a gap allowed
       below, that may be a level further up than the next (a checker) */
    for (var at = out.groups.length - 1; at >= index; at -= 1) {
      var moves = out.groups[at].reached ? [] : out.groups[at].rows.filter(function (row) {
        var to = leastAllowed(model, row);
        return to !== null && !row.mayNotComeUp && oneStepShort(row, to) && countsFrom(movedTo(model, row, to), at);
      });
      if (moves.length === 1) return { level: out.groups[at], number: at + 1, row: moves[0] };
    }
    return null;
  }

  /* The lowest level below the one reached that isn't reached, a gap to close first (the result's table names
     them all), with the answer that holds it where only one does: {level, number, row} (row null for more than
     one), or null. A sales leader: a rep who keeps promises to customers only "A little" read "Level reached:
     Problem solver", the gap in trust out of the headline. */
  function gapBelow(model, out) {
    if (!out.level) return null;
    var group = out.groups.slice(0, out.groups.indexOf(out.level)).filter(function (each) { return !each.reached; })[0];
    if (!group) return null;
    var holding = group.rows.filter(function (row) { return leastAllowed(model, row) !== null; });
    return { level: group, number: out.groups.indexOf(group) + 1, row: holding.length === 1 ? holding[0] : null };
  }

  /* The one answer, on a level below the highest the answers reach (reachedAbove), that alone keeps it from
     counting: a habit held or a behaviour below behaviourLeast which, moved to the least answer a reached level
     allows, lets that level count, where no other single answer does the same. An enablement reviewer: a problem
     solver who gives delivery dates "Just like me" before checking stock read "No level reached yet", four levels
     down for one notch. The rated level stays the scoring rule's; the headline names the hold. Null otherwise. */
  function onHold(model, out, above) {
    var top = out.groups.indexOf(above.level);
    var moves = [];
    out.groups.slice(0, top).forEach(function (group) {
      group.rows.forEach(function (row) {
        var to = leastAllowed(model, row);
        if (to !== null && countsFrom(movedTo(model, row, to), top)) moves.push(row);
      });
    });
    return moves.length === 1 ? moves[0] : null;
  }

  /* ------------------------------------------------ reading the form */

  function readModel(form) {
    var rows = all(form, "fieldset[data-statement]").map(function (fieldset) {
      return {
        id: fieldset.dataset.statement,
        group: fieldset.dataset.group,
        weight: +fieldset.dataset.weight,
        most: +fieldset.dataset.most,
        limit: fieldset.dataset.countsAs === "limit",
        essential: fieldset.hasAttribute("data-essential"),
        whenRated: fieldset.hasAttribute("data-essential-when-rated"),
        canFail: fieldset.hasAttribute("data-can-fail") ? fieldset.dataset.canFail : null,
        contradicts: fieldset.dataset.contradicts ? fieldset.dataset.contradicts.split(" ") : [],
        mayNotComeUp: fieldset.hasAttribute("data-may-not-come-up"),
        foundation: fieldset.hasAttribute("data-foundation"),
        text: fieldset.querySelector("[data-text]").textContent.trim(),
        fieldset: fieldset,
        points: null,
        value: null,
        answer: null
      };
    });
    var levels = all(form, "[data-level]");
    var groups = levels.length ? levels.map(function (node) {
      return { id: node.dataset.level, name: node.dataset.name, node: node };
    }) : [{ id: rows.length ? rows[0].group : "", name: form.dataset.title, node: null }];
    var bands = all(form, "tr[data-band]").map(function (tr) {
      return { from: +tr.dataset.from, to: +tr.dataset.to, reached: tr.hasAttribute("data-reached"), name: tr.dataset.name, node: tr };
    });
    return {
      rows: rows, groups: groups, bands: bands, ladder: levels.length > 0,
      needed: +form.dataset.answersNeeded, neededPerGroup: +form.dataset.answersNeededPerGroup,
      balanced: form.hasAttribute("data-balanced"),
      habitLeast: form.hasAttribute("data-habit-points-at-least") ? +form.dataset.habitPointsAtLeast : null,
      habitsAtMost: form.dataset.habitsAtMost || "",
      lowerLeast: form.hasAttribute("data-lower-levels-at-least") ? +form.dataset.lowerLevelsAtLeast : null,
      gapsMost: form.hasAttribute("data-lower-level-gaps-at-most") ? +form.dataset.lowerLevelGapsAtMost : null,
      gapHabitsMost: +(form.dataset.gapHabitsHeldAtMost || 0),
      nothingMissed: form.hasAttribute("data-top-needs-nothing-missed"),
      lowest: form.hasAttribute("data-top-needs-nothing-missed") ? +form.dataset.topNeedsNothingMissed : null,
      lowestAnswer: form.dataset.lowestAnswer || "",
      gapLeast: form.hasAttribute("data-gap-points-at-least") ? +form.dataset.gapPointsAtLeast : null,
      behaviourLeast: form.hasAttribute("data-behaviour-points-at-least") ? +form.dataset.behaviourPointsAtLeast : null,
      behaviourAnswer: form.dataset.behaviourAnswer || "",
      notComeUpPerLevel: +(form.dataset.notComeUpPerLevel || 0),
      basics: form.hasAttribute("data-basics-from") ? { from: form.dataset.basicsFrom, levels: form.dataset.basics.split(" "), atLeast: +form.dataset.basicsAtTopAtLeast, top: form.dataset.basicsTopAnswer } : null,
      essentialsLeast: form.hasAttribute("data-essentials-at-least") ? +form.dataset.essentialsAtLeast : null,
      essentialsAnswer: form.dataset.essentialsAnswer || "",
      missedAt: form.hasAttribute("data-missed-essential-at") ? +form.dataset.missedEssentialAt : null,
      missedAnswer: form.dataset.missedAnswer || ""
    };
  }

  /* Each answer with the fingerprint of the statement's text it answers, so a reworded one is noticed. */
  function readAnswers(model) {
    var state = {};
    model.rows.forEach(function (row) {
      var picked = row.fieldset.querySelector("input:checked");
      row.points = picked ? +picked.dataset.points : null;
      row.value = picked ? +picked.value : null;
      row.answer = picked ? picked.parentNode.textContent.trim() : null;
      if (picked) state[row.id] = { value: +picked.value, fingerprint: row.fieldset.dataset.fingerprint };
    });
    return state;
  }

  /* ------------------------------------------------ saved answers: whose, which day, which wording */

  /* What the form opens with for the rep chosen, as {data, date}: the reader's own answers under the key used
     before reps existed, else the rep's latest record. A form about one meeting (data-fresh-each-day) opens
     only one dated in the last data-stays-open-days days (a ride-along's next-day ratings), or with a day field
     (assessment-day.js) one last saved in them too (written up days after its call), the one saved last: the
     earlier ones stay in the history. With the record's call (a day's second or later), when it has one. */
  function savedState(form, key) {
    var ws = Playbook.workspace;
    var fresh = form.hasAttribute("data-fresh-each-day");
    var since = +form.dataset.staysOpenDays ? Playbook.assessmentOpen.since(form) : ws.today();
    var rep = ws.whose(form);
    var query = { rep: rep, kind: form.dataset.recordKind, tool: form.dataset.assessment };
    var mine = rep === "me" ? Playbook.load(key) : null;
    if (!fresh) {
      if (mine) return { data: mine, date: mine.date || null };
      var latest = ws.latest(query);
      return latest ? { data: latest.data, date: latest.date, call: latest.call } : null;
    }
    var movable = !!form.querySelector("[data-note-kind=date]");
    /* an earlier day's call whose next-day ratings (data-rated-next-day) are all given is done: a new one opens,
       and it stays in the history */
    var later = all(form, "fieldset[data-rated-next-day]").map(function (box) { return box.dataset.statement; });
    var today = ws.today();
    var open = ws.records(query).filter(function (item) {
      var answers = item.data.answers || {};
      var pending = item.date === today || ws.savedDay(item) === today || !later.length || later.some(function (id) { return !answers[id]; });
      return pending && (item.date >= since || movable && ws.savedDay(item) >= since);
    });
    open.sort(function (a, b) { return savedAt(a) < savedAt(b) ? -1 : savedAt(a) > savedAt(b) ? 1 : 0; });
    var last = open[open.length - 1];
    if (last) return { data: last.data, date: last.date, call: last.call };
    /* the reader's answers from before records, which have none */
    return mine && !ws.latest(query) && (!mine.date || mine.date >= since) ? { data: mine, date: mine.date || null } : null;
  }

  /* When a record was last saved (its date, for one kept without the time). */
  function savedAt(item) {
    return item.saved || item.date;
  }

  /* An answer as saved: {value, fingerprint}, or a bare number from before fingerprints (taken as it is). */
  function savedValue(answer) {
    if (typeof answer === "number") return { value: answer };
    return answer && typeof answer === "object" && typeof answer.value === "number" ? answer : null;
  }

  /* Ticks the saved answers. One given to a statement since reworded is not ticked and does not count: it is
     kept and shown beside the statement until answered again. Returns those kept and how many answers were
     to statements no longer in the form. */
  function restore(model, saved) {
    var answers = saved && saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    var stale = {};
    model.rows.forEach(function (row) {
      var answer = savedValue(answers[row.id]);
      var changed = !!(answer && answer.fingerprint && answer.fingerprint !== row.fieldset.dataset.fingerprint);
      all(row.fieldset, "input").forEach(function (input) {
        input.checked = !changed && !!answer && answer.value === +input.value;
      });
      if (changed) stale[row.id] = { value: answer.value, fingerprint: answer.fingerprint };
      markChanged(row.fieldset, changed ? answer.value : null);
    });
    var ids = model.rows.map(function (row) { return row.id; });
    var removed = Object.keys(answers).filter(function (id) { return ids.indexOf(id) < 0 && savedValue(answers[id]); }).length;
    return { stale: stale, removed: removed };
  }

  /* The note on a statement reworded since it was answered, naming the earlier answer; null removes it. */
  function markChanged(fieldset, value) {
    var note = fieldset.querySelector("[data-changed]");
    if (note) note.remove();
    if (value === null) return;
    var input = all(fieldset, "input").filter(function (radio) { return +radio.value === value; })[0];
    var said = input ? Playbook.t("assessment.changed_said", { answer: input.parentNode.textContent.trim() }) : Playbook.t("assessment.changed");
    note = el("p", said, "pb-assessment__changed");
    note.setAttribute("data-changed", "");
    fieldset.querySelector("legend").after(note);
  }

  function changesNote(kept) {
    var stale = Object.keys(kept.stale).length;
    var parts = [];
    if (stale) parts.push(Playbook.t("assessment.reworded", { count: stale }));
    if (kept.removed) parts.push(Playbook.t("assessment.removed", { count: kept.removed }));
    return parts.join(" ");
  }

  /* What to work on next at `level`, in the one order the result lists it and the 1:1 planner reads it: the
     behaviours answered below the top answer, led by the habits that hold the level back, then the behaviour to
     build first: the first in levels.yml's order (the order a seller builds them, data-build-order) still below
     behaviourLeast ("Mostly"; an enablement reviewer: the honest order taker was sent to the launch news before
     the better fit the level's next step names first; a sales director: after a held habit, the product expert
     who never asks what the problem costs was sent to the budget holder), else, with no habit held, the weakest;
     then the rest weakest first. One left blank is not listed: the result asks for it to be answered, and
     nothing the rep said is to work on (a sales director: a blank read as a promise the rep breaks). */
  function toWorkOn(model, level) {
    var open = weakestFirst(level.rows).filter(function (row) { return row.points !== null && row.points < row.most; });
    var held = open.filter(function (row) { return heldHabit(model, row); });
    var order = level.node ? level.node.dataset.buildOrder.split(" ") : [];
    var toBuild = open.filter(function (row) { return belowReached(model, row); }).sort(function (a, b) { return order.indexOf(a.id) - order.indexOf(b.id); });
    var first = held.concat(toBuild.length ? toBuild.slice(0, 1) : held.length ? [] : open.filter(function (row) { return !row.limit; }).slice(0, 1));
    return first.concat(open.filter(function (row) { return first.indexOf(row) < 0; }));
  }

  /* The result kept in the record, for the 1:1 planner and history: score, band, level, each group's score,
     what the result says to work on next (toWorkOn), what was left as not come up (to check on a ride-along),
     who rated about which account, how many days the band
     gives until the next meeting rated with this form (again_within_days: the team view counts it due then), and
     why the band is not the score's (held: "missed", an essential answered with the lowest answer; "short", one
     below what it needs), so no page shows a high score beside a lower band unexplained. */
  function summary(form, model, out) {
    var weakest = [];
    var hold = {};
    if (out.complete && model.ladder) {
      var next = target(out, model);
      weakest = next ? toWorkOn(model, next) : [];
      hold = joined(joined(joined(heldByOne(model, out), notComeUpKept(model)), waitingKept(model, out, next)), unansweredKept(model, out));
    } else if (out.complete) {
      weakest = toImprove(model).rows;
    }
    return joined({
      complete: out.complete, answered: out.answered, needed: out.needed,
      score: out.complete ? out.score : null,
      band: out.complete ? bandName(out.band) : null,
      level: out.level ? { id: out.level.id, name: out.level.name, number: out.groups.indexOf(out.level) + 1 } : null,
      groups: out.groups.map(function (group) { return { id: group.id, answered: group.answered, score: group.score, reached: group.reached }; }),
      weakest: weakest.slice(0, 3).map(function (row) { return { id: row.id, text: row.text, answer: row.answer }; })
    }, joined(joined(joined(joined(sooner(out), held(model, out)), hold), out.rating || {}), out.raised && out.raised.length ? { raised: out.raised } : {}));
  }

  /* The level the answers reach on hold for one answer, as the headline says it (onHold), for the team view
     and the rep's history to say too: { on_hold: { level, statement } }, or nothing. */
  function heldByOne(model, out) {
    var above = reachedAbove(model, out);
    var row = above && onHold(model, out, above);
    return row ? { on_hold: { level: { id: above.level.id, name: above.level.name, number: above.number }, statement: { id: row.id, text: row.text, answer: row.answer } } } : {};
  }

  /* The level the answers reach that waits for the basics, and the basics level to work on (target), for the 1:1
     planner: { waiting_on_basics: { level: {id, name, number}, basics: {id, name} } }, or nothing. */
  function waitingKept(model, out, next) {
    if (!out.level || !out.waitingOnBasics || !next) return {};
    var level = out.waitingOnBasics;
    return { waiting_on_basics: { level: { id: level.id, name: level.name, number: out.groups.indexOf(level) + 1 }, basics: { id: next.id, name: next.name } } };
  }

  /* The level above the one reached that unanswered statements keep from counting, as the headline says it
     (nextLevelNote), for the 1:1 planner, which read "the answers don't reach Order taker" beside a form that
     said incomplete (a checker): { unanswered_at: { level: {id, name, number}, why } }, or nothing. */
  function unansweredKept(model, out) {
    var next = nextLevelNote(model, out);
    return next && next.why ? { unanswered_at: { level: { id: next.level.id, name: next.level.name, number: next.number }, why: next.why } } : {};
  }

  /* The behaviours left blank as not come up in the account (notComeUp), for the 1:1 planner to ask to check on
     the next ride-along: { not_come_up: [{ id, text }] }, or nothing. */
  function notComeUpKept(model) {
    var absent = model.rows.filter(function (row) { return notComeUp(model, row); });
    return absent.length ? { not_come_up: absent.map(function (row) { return { id: row.id, text: row.text }; }) } : {};
  }

  /* As the headline says it: "missed" only for a score that would have been in a higher band. */
  function held(model, out) {
    if (!out.complete || model.ladder) return {};
    if (out.essentialsMissed.length) return bandFor(model.bands, out.score) === out.band ? {} : { held: "missed" };
    return out.essentialsShort.length ? { held: "short" } : out.missedHolding && out.missedHolding.length ? { held: "missed-behaviour" } : {};
  }

  function sooner(out) {
    var days = out.complete && out.band ? +out.band.node.dataset.againWithinDays : 0;
    return days ? { again_within_days: days } : {};
  }

  /* `into` with the fields of `from` added: the rating beside the answers or in the result. */
  function joined(into, from) {
    Object.keys(from).forEach(function (field) { into[field] = from[field]; });
    return into;
  }

  /* ------------------------------------------------ the widget */

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("assessment", form.dataset.assessment);
    var model = readModel(form);
    var notes = Playbook.assessmentNotes(form);
    var toCheck = Playbook.assessmentToCheck(form);
    var rating = Playbook.assessmentRating(form);
    var day = Playbook.assessmentDay(form, moveTo);
    var calls = Playbook.assessmentCalls(form, openCallOfDay, function (date, number) {
      reopenCall(date, number);
      /* the keyboard to what the call was reopened for: its first rating still to give */
      var first = form.querySelector("fieldset[data-rated-next-day]:not(:disabled) input");
      if (first) first.focus();
    });
    var result = form.querySelector("[data-result]");
    var live = el("p", "", "pb-assessment__summary");
    live.setAttribute("aria-live", "polite");
    var next = el("button", Playbook.t("assessment.next_unanswered"), "md-button pb-assessment__next");
    next.type = "button";
    var progress = el("div", "", "pb-assessment__progress");
    progress.append(live, next);
    var changes = el("p", "", "pb-assessment__changes");
    result.before(progress, changes);
    var lastStatement = null;  /* the statement the reader was last at: "next" is counted from there */
    /* A form about the reader alone has no rep picker, whose status would say that storage is full: its own. */
    var storage = null;
    if (form.hasAttribute("data-reader-only")) {
      storage = el("p", "", "pb-assessment__storage");
      storage.setAttribute("role", "status");
      form.prepend(storage);
    }
    var tool = Playbook.workspace.attach(form, load, storage);
    var kept;
    /* The day of an earlier form still open (savedState), whose record the answers go on; null for today's. */
    var openDay = null;
    /* Which of that day's calls the answers are: 2 for the second (a ride-along watches one or two), null for
       the first. */
    var openCall = null;
    /* Whether the form opened saved answers of an earlier day, rather than being dated back by the reader: only
       those are "still open" for what could be rated only afterwards. */
    var reopened = false;
    /* Whether the statements of an earlier day reopened, other than those rated the next day, are locked (lock). */
    var locked = false;
    /* the form's "still open" line (self_assessment.html), on a form that stays open: none on another */
    var open = form.querySelector("[data-assessment-open]");
    /* On a form that always opens its latest answers (a self-assessment), the line saying which day's they are;
       and, once one is changed on a later day, the day they were of: the changed answers are then a new result,
       dated today, and the earlier one stays in the history to compare with (retake). */
    var taken = form.querySelector("[data-assessment-taken]");
    var retakenFrom = null;
    /* The answer the headline names ({id, points, answer}: one step away, on hold, a gap's), and the answers
       raised on the same day after it named them ([{id, text, from, to}], kept with the result): a sales leader
       raised the one answer named and read the level above, and nothing showed the change. A retake on a later
       day is a new result, compared in the history, so it starts none. */
    var named = null;
    var raised = [];

    /* The result, with who is rating about which account on the level assessment. */
    function outcome() {
      var out = evaluate(model);
      if (rating.present) out.rating = rating.values();
      return out;
    }

    /* The reader's own answers stay under the key they always had; every rep's go into dated records. Whether
       they were saved. */
    function save(state, out) {
      Object.keys(kept.stale).forEach(function (id) { if (!state[id]) state[id] = kept.stale[id]; });
      var mine = joined({ answers: state, notes: notes.values(), date: openDay || Playbook.workspace.today() }, rating.values());
      if (tool.whose() === "me" && !tool.save(key, mine)) return false;
      return tool.record(form.dataset.recordKind, form.dataset.assessment, { answers: state, notes: mine.notes, result: summary(form, model, out) }, mine.date, openCall);
    }

    /* On the day of the meeting, or reopened on a later one for what could be seen only then, the last day the
       form opens it (Playbook.assessmentOpen); else null. */
    function openUntil() {
      var days = +form.dataset.staysOpenDays || 0;
      if (!days || openDay && !reopened) return null;
      var until = Playbook.assessmentOpen.until(form, openDay || Playbook.workspace.today());
      return until >= Playbook.workspace.today() ? until : null;
    }

    /* The day and call the answers are saved under: the form's day field, the exports and the "still open" line
       say it. */
    function showDay() {
      var date = openDay || Playbook.workspace.today();
      form.dataset.day = date;
      if (openCall) form.dataset.call = openCall;
      else delete form.dataset.call;
      var total = showCalls();
      day.show(date, openCall || 1, total);
      if (taken) {
        var earlier = openDay || retakenFrom;
        taken.hidden = !earlier;
        taken.textContent = !earlier ? "" : openDay ? Playbook.t("assessment.answers_of", { day: Playbook.dates.day(openDay, "long-weekday") })
          : Playbook.t("assessment.taken_again", { day: Playbook.dates.day(retakenFrom, "long-weekday") });
      }
      if (open) {
        var words = { day: Playbook.workspace.dayOf({ date: date, call: openCall }, "long-weekday", total) };
        open.querySelector("[data-assessment-open-text]").textContent = !openDay ? "" : locked ? Playbook.t("assessment.still_open_locked", words)
          : reopened ? Playbook.t("assessment.still_open", words) : Playbook.t("assessment.dated_earlier", words);
        open.hidden = !openDay;
      }
    }

    /* The row of the day's calls above the form; how many calls the day shown has, this one included. */
    function showCalls() {
      return calls.show(savedRecords(), openDay || Playbook.workspace.today(), openCall || 1);
    }

    /* This form's records for the rep chosen. */
    function savedRecords() {
      return Playbook.workspace.records({ rep: tool.whose(), kind: form.dataset.recordKind, tool: form.dataset.assessment });
    }

    /* The call a new form dated `date` is: null when it is the day's first, else one after the last saved. */
    function nextCall(date) {
      var numbers = savedRecords().filter(function (item) { return item.date === date; }).map(function (item) { return item.call || 1; });
      return numbers.length ? Math.max.apply(null, numbers) + 1 : null;
    }

    /* The answers dated `day` in the day field: saved there, after any call already saved that day, and taken off
       the day they had. null, or why not. */
    function moveTo(to) {
      var today = Playbook.workspace.today();
      var from = { day: openDay, call: openCall };
      if (to === (openDay || today)) return null;
      var call = nextCall(to);
      if (call > Playbook.workspace.MOST_CALLS) return Playbook.t("assessment.day_full", { form: form.dataset.title, day: Playbook.dates.day(to, "long-weekday"), most: Playbook.workspace.MOST_CALLS });
      var here = savedRecords().filter(function (item) { return item.date === (openDay || today) && (item.call || null) === openCall; })[0];
      openDay = to === today ? null : to;
      openCall = call;
      if (here && !save(readAnswers(model), outcome())) {
        openDay = from.day;
        openCall = from.call;
        return tool.status ? tool.status.textContent : null;
      }
      reopened = false;
      lock(false);
      var problem = here ? Playbook.workspace.forget(tool.whose(), here) : null;
      showDay();
      return problem;
    }

    /* A new, empty form for another call on `date` (today's, or the day shown), beside those saved that day,
       which stay as they are in the history: nothing is saved until the reader answers. */
    function another(date) {
      var call = nextCall(date);
      if (call > Playbook.workspace.MOST_CALLS) {
        live.textContent = Playbook.t("assessment.day_full", { form: form.dataset.title, day: Playbook.dates.day(date, "long-weekday"), most: Playbook.workspace.MOST_CALLS });
        return;
      }
      openDay = date === Playbook.workspace.today() ? null : date;
      openCall = call;
      reopened = false;
      blank(false);
    }

    /* The answers of call `number` of the day shown, chosen from the day's calls (assessment-calls.js). */
    function openCallOfDay(number) {
      reopenCall(openDay || Playbook.workspace.today(), number);
    }

    /* The answers of call `number` of `date`, opened again (an earlier day's still open, assessment-calls.js). */
    function reopenCall(date, number) {
      var found = savedRecords().filter(function (item) { return item.date === date && (item.call || 1) === number; })[0];
      if (found) show(found, true, false);
    }

    function render(byReader) {
      var state = readAnswers(model);
      if (byReader) noteRaised();
      var out = outcome();
      out.headline = headline(form, model, out);
      out.raised = raised;
      named = out.complete && out.named ? { id: out.named.id, points: out.named.points, answer: out.named.answer } : null;
      out.openUntil = openUntil();
      out.rateNow = !!openDay;  /* reopened: what could be seen only afterwards can be seen now */
      if (byReader) save(state, out);
      result.textContent = "";
      changes.textContent = changesNote(kept);
      changes.hidden = !changes.textContent;
      form.classList.toggle("pb-assessment--complete", out.complete);
      var open = out.answered < model.rows.length;
      form.classList.toggle("pb-assessment--started", !!out.answered && open);
      next.hidden = !out.answered || !open;
      live.classList.toggle("pb-visually-hidden", out.complete && !open);
      result.hidden = !out.answered;
      var said = out.complete ? unansweredNote(model, out) : out.headline;
      if (live.textContent !== said) live.textContent = said;  /* a screen reader hears a new headline only */
      fillWriteIn(out.answered);
      if (!out.answered) return;
      Playbook.assessmentResult(form, model, out, result).all();
      /* another call that day: named by its day when that is not today's (a call reopened or dated back) */
      var another = anotherCall && [form.hasAttribute("data-runs") ? Playbook.t("assessment.another_run") : openDay ? Playbook.t("assessment.another_call_on", { day: Playbook.dates.day(openDay, "long-weekday") }) : Playbook.t("assessment.another_call"), anotherCall];
      result.append(actions(form, model, out, result, live, clear, another));
    }

    /* The answer the headline named, raised by the reader since: kept, from the answer named to the latest; one
       put back to where it was, or lower, or cleared, is no longer raised. */
    function noteRaised() {
      function rowOf(id) { return model.rows.filter(function (row) { return row.id === id; })[0]; }
      raised = raised.map(function (entry) {
        var row = rowOf(entry.id);
        return row && row.points !== null && row.points > pointsOf(row, entry.from) ? Object.assign({}, entry, { to: row.answer }) : null;
      }).filter(Boolean);
      var row = named && rowOf(named.id);
      if (!row || row.points === null || row.points <= named.points || raised.some(function (entry) { return entry.id === row.id; })) return;
      raised.push({ id: row.id, text: row.text, from: named.answer, to: row.answer });
    }

    /* The printed form's name and date lines: with answers, the day they are of and the rep chosen (the
       reader's own name is theirs to write); empty lines for a form with none. */
    function fillWriteIn(answered) {
      var rep = tool.whose();
      all(form, "[data-filled]").forEach(function (line) {
        var value = line.dataset.filled === "date" ? Playbook.dates.day(form.dataset.day, "long") : rep === "me" ? "" : Playbook.workspace.name(rep);
        line.textContent = answered ? value : "";
      });
    }

    /* Opens (and reopens, when another rep is chosen) with the chosen rep's answers. The reader's answers
       saved before records existed go into the history once, so their export has them. */
    function load() {
      toCheck.show(tool.whose());
      var found = savedState(form, key);
      var migrate = !!(found && found.data) && tool.whose() === "me" && !Playbook.workspace.latest({ rep: "me", kind: form.dataset.recordKind, tool: form.dataset.assessment });
      show(found, true, migrate);
    }

    /* The form showing `found` ({data, date, call}, or null for an empty one); `earlier`: an earlier day's answers
       opened again, still open for what could be rated only afterwards; `store`: saved as shown. */
    function show(found, earlier, store) {
      var saved = found && found.data;
      openDay = found && found.date && found.date !== Playbook.workspace.today() ? found.date : null;
      retakenFrom = null;
      openCall = found && found.call || null;
      reopened = earlier && !!openDay;
      lock(reopened);
      kept = restore(model, saved);
      notes.restore(saved);
      showDay();
      rating.restore(saved && saved.result ? saved.result : saved);
      raised = saved && saved.result && Array.isArray(saved.result.raised) ? saved.result.raised.slice() : [];
      named = null;
      render(store);
    }

    /* Reopened on a later day for what could be seen only then (data-rated-next-day), an earlier call keeps the
       ratings given on its day, and its day: locked, so that rating a new call over them by mistake cannot
       overwrite them, nor a date typed for a new call move it. The reader unlocks them to correct one (the "still
       open" line's button). */
    function lock(on) {
      var unlock = open && open.querySelector("[data-assessment-unlock]");
      var dayBox = form.querySelector("[data-note-kind=date]");
      locked = !!unlock && on;
      model.rows.forEach(function (row) { row.fieldset.disabled = locked && !row.fieldset.hasAttribute("data-rated-next-day"); });
      if (dayBox) dayBox.readOnly = locked;
      if (unlock) unlock.hidden = !locked;
    }

    /* An earlier day's answers of a self-assessment, changed: from here they are today's, a new result. */
    function retake() {
      if (!taken || !openDay) return;
      raised = [];
      named = null;
      retakenFrom = openDay;
      openDay = null;
      showDay();
    }

    /* Every answer and note taken off the form; `save` keeps the emptied form as the open record. An earlier
       day's self-assessment cleared stays in the history: the emptied form is today's. */
    function blank(save) {
      if (taken && openDay) openDay = null;
      retakenFrom = null;
      lock(false);
      reopened = false;  /* nothing is left of what was reopened */
      all(form, "input[type=radio]").forEach(function (input) { input.checked = false; });
      all(form, "[data-changed]").forEach(function (note) { note.remove(); });
      kept = { stale: {}, removed: 0 };
      raised = [];
      named = null;
      notes.clear();
      rating.clear();
      showDay();
      render(save);
      form.querySelector("input:not([readonly])").focus();
    }

    /* A new one today beside the earlier one still open. */
    if (open) open.querySelector(".pb-assessment__start-new").addEventListener("click", function () {
      another(Playbook.workspace.today());
    });
    if (open && open.querySelector("[data-assessment-unlock]")) open.querySelector("[data-assessment-unlock]").addEventListener("click", function () {
      lock(false);
      showDay();
      model.rows[0].fieldset.querySelector("input").focus();
    });
    /* On a form with a day field (a ride-along), another call the same day, from the result's actions. */
    var anotherCall = form.querySelector("[data-note-kind=date]") || form.hasAttribute("data-runs") ? function () { another(openDay || Playbook.workspace.today()); } : null;

    /* One tap must not wipe a ride-along's ratings and notes: asked first, when there is anything to lose. */
    function clear() {
      var typed = all(form, "textarea, input[type=text]").some(function (box) { return box.value.trim(); });
      var date = openDay || Playbook.workspace.today();
      var others = savedRecords().some(function (item) { return item.date === date && (item.call || null) !== openCall; });
      var which = { form: form.dataset.title, call: openCall || 1, day: Playbook.dates.day(date, "long-weekday") };
      var asked = !others ? Playbook.t("assessment.confirm_clear", { form: form.dataset.title }) : form.hasAttribute("data-runs") ? Playbook.t("assessment.confirm_clear_run", which) : Playbook.t("assessment.confirm_clear_call", which);
      if ((form.querySelector("input[type=radio]:checked") || typed) && !window.confirm(asked)) return;
      blank(true);
    }

    form.addEventListener("change", function (event) {
      /* A typed field was saved, and shown, as it was typed (below). Its change when the reader leaves it, often
         by clicking a button of the result, must not draw the result again: the click would land on a button
         that is no longer there. */
      if (notes.owns(event.target) || rating.owns(event.target) || day.owns(event.target)) return;
      retake();
      var fieldset = event.target.closest("fieldset[data-statement]");
      if (fieldset && kept.stale[fieldset.dataset.statement]) {
        delete kept.stale[fieldset.dataset.statement];
        markChanged(fieldset, null);
      }
      kept.removed = 0;
      render(true);
    });
    form.addEventListener("focusin", function (event) {
      lastStatement = event.target.closest("fieldset[data-statement]") || lastStatement;
    });
    next.addEventListener("click", function () {
      var row = nextUnanswered(model, lastStatement);
      if (!row) return;
      row.fieldset.scrollIntoView({ block: "center" });
      row.fieldset.querySelector("input").focus({ preventScroll: true });
    });
    form.addEventListener("input", function (event) {
      if (rating.owns(event.target) || notes.owns(event.target)) retake();
      if (rating.owns(event.target)) render(true);  /* the result says about which account */
      else if (notes.owns(event.target) && save(readAnswers(model), outcome())) showCalls();  /* a call is named by a note */
    });
    load();
  }

  function headline(form, model, out) {
    if (!out.complete) {
      var more = out.needed - out.answered;
      var counts = { answered: out.answered, total: model.rows.length, more: more };
      return out.answered ? Playbook.t("assessment.incomplete", counts) : Playbook.t("assessment.none_answered", counts);
    }
    if (!model.ladder && out.essentialsMissed.length) {
      var failed = { result: form.dataset.resultName, score: out.score, band: bandName(out.band), count: out.essentialsMissed.length, answer: model.missedAnswer };
      /* "but" only for a score that would have been in a higher band */
      return bandFor(model.bands, out.score) === out.band ? Playbook.t("assessment.scored_failed_in_band", failed) : Playbook.t("assessment.scored_failed", failed);
    }
    if (!model.ladder && out.essentialsShort.length) {
      return Playbook.t("assessment.scored_held", { result: form.dataset.resultName, score: out.score, band: bandName(out.band), top: bandName(model.bands[model.bands.length - 1]), count: out.essentialsShort.length, answer: model.essentialsAnswer });
    }
    if (!model.ladder && out.missedHolding && out.missedHolding.length) {
      return Playbook.t("assessment.scored_held_missed", { result: form.dataset.resultName, score: out.score, band: bandName(out.band), top: bandName(model.bands[model.bands.length - 1]), count: out.missedHolding.length, answer: model.lowestAnswer });
    }
    if (!model.ladder) return Playbook.t("assessment.scored", { result: form.dataset.resultName, score: out.score, band: bandName(out.band) });
    var above = reachedAbove(model, out);
    var words = { levels: out.groups.length };
    var hold = above && onHold(model, out, above);
    if (above) {
      words.holding = Playbook.list(above.holding.map(function (group) { return group.name; }));
      words.count = above.holding.length;
      words.reached = above.level.name;
      words.reached_number = above.number;
    }
    if (hold) {
      words.statement = hold.text;
      words.answer = hold.answer;
      out.named = hold;
    }
    var next = !above && nextLevelNote(model, out);
    if (next) {
      words.next = next.level.name;
      words.next_number = next.number;
      words.why = next.why;
      if (next.row) {
        words.statement = next.row.text;
        words.answer = next.row.answer;
        out.named = next.row;
      }
    }
    if (!out.level) return hold ? Playbook.t("assessment.no_level_on_hold", words) : above ? Playbook.t("assessment.no_level_capped", words)
      : next && next.why ? Playbook.t("assessment.no_level_unanswered", words) : next ? Playbook.t("assessment.no_level_one_answer", words) : Playbook.t("assessment.no_level");
    words.level = out.level.name;
    words.number = out.groups.indexOf(out.level) + 1;
    if (hold) return Playbook.t("assessment.level_reached_on_hold", words);
    if (above) return Playbook.t("assessment.level_reached_capped", words);
    if (next && next.why) {
      out.named = null;
      return Playbook.t("assessment.level_reached_unanswered", words);
    }
    /* a gap below comes first: the level to work on next is the lowest gap (target) */
    var gap = gapBelow(model, out);
    if (gap) {
      words.gap = gap.level.name;
      words.gap_number = gap.number;
      out.named = gap.row;
      if (!gap.row) return Playbook.t("assessment.level_reached_gap", words);
      words.statement = gap.row.text;
      words.answer = gap.row.answer;
      return Playbook.t("assessment.level_reached_gap_one", words);
    }
    if (next) return Playbook.t("assessment.level_reached_one_answer", words);
    /* waiting for the basics: the level the answers reach is named in the result, not the headline, which a rep
       would quote (a sales leader) */
    return out.waitingOnBasics ? Playbook.t("assessment.level_reached_basics", words) : Playbook.t("assessment.level_reached", words);
  }

  /* What the basics rule's words name (basics_first): the basics levels and the top answer; its figures are the
     key's (a checker: a count in the headline tells a rep which answers to change). */
  function basicsWords(model) {
    var names = model.groups.filter(function (group) { return model.basics.levels.indexOf(group.id) >= 0; }).map(function (group) { return group.name; });
    return { basics: Playbook.list(names), top: model.basics.top };
  }

  function bandName(band) {
    return band.node.querySelector("[data-band-name]").textContent;
  }

  /* The first unanswered statement after `from` (a statement's fieldset, or null for the start), going round to
     the start: a reader who skipped one on purpose is not sent back to it until the end. */
  function nextUnanswered(model, from) {
    var at = -1;
    model.rows.forEach(function (row, index) { if (row.fieldset === from) at = index; });
    var order = model.rows.slice(at + 1).concat(model.rows.slice(0, at + 1));
    return order.filter(function (row) { return !row.fieldset.disabled && !row.fieldset.querySelector("input:checked"); })[0];
  }

  /* The headline of a complete result, with how many statements it leaves out: an essential left blank is not
     among them, as the headline already says it holds the result back. */
  function unansweredNote(model, out) {
    var absent = model.rows.filter(function (row) { return notComeUp(model, row); }).length;
    var missing = model.rows.length - out.answered - absent - out.essentialsShort.filter(function (row) { return row.points === null; }).length;
    var counts = { headline: out.headline, missing: missing - rateLater(model, out).length, total: model.rows.length };
    var said = !counts.missing ? Playbook.t("assessment.all_answered", counts)
      : model.habitLeast === null ? Playbook.t("assessment.unanswered", counts) : Playbook.t("assessment.unanswered_hold_back", counts);
    if (absent) said += " " + Playbook.t("assessment.not_come_up", { count: absent });
    var pending = forNow(model, out);
    return pending ? said + " " + pending : said;
  }

  function actions(form, model, out, result, live, clear, anotherCall) {
    var bar = el("p", "", "pb-assessment__actions");
    [
      [Playbook.t("assessment.copy_text"), function () { Playbook.copy(Playbook.assessmentExport.text(form, model, out, result, bar), live); }],
      [Playbook.t("assessment.download_json"), function () { Playbook.assessmentExport.download(form, model, out, "json"); }],
      [Playbook.t("assessment.download_csv"), function () { Playbook.assessmentExport.download(form, model, out, "csv"); }],
      anotherCall,
      [Playbook.t("assessment.clear"), clear]
    ].filter(Boolean).forEach(function (action) {
      var button = el("button", action[0], "md-button");
      button.type = "button";
      button.addEventListener("click", action[1]);
      bar.append(button);
    });
    return bar;
  }

  Playbook.assessmentParts = { all: all, el: el, notComeUp: notComeUp, countsAsEssential: countsAsEssential, bandName: bandName, heldHabit: heldHabit, contradictions: contradictions, holds: holds, nearMiss: nearMiss, countedGaps: countedGaps, belowReached: belowReached, heldByHabits: heldByHabits, target: target, toWorkOn: toWorkOn, reachedAbove: reachedAbove, basicsWords: basicsWords, weakestFirst: weakestFirst, toImprove: toImprove, rateLater: rateLater, forNow: forNow, strongestFirst: strongestFirst, questionsToDevelop: questionsToDevelop };

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-assessment]:not([data-ready])").forEach(enhance);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
