/* Activity planner: reads what the reader types, then redoes macros/planner.py (plan, pace, decimal, percent)
   step for step in exact fractions, so the page shows the same figures with and without JavaScript; change
   the two together. Browsers without BigInt keep the handbook's figures, which the page already shows. */
(function (Playbook) {
  "use strict";
  if (typeof BigInt !== "function") return;
  var ZERO = BigInt(0);
  var ONE = BigInt(1);
  var TEN = BigInt(10);
  /* A period's figure is rounded to a whole number from 100, a week's or a day's from 10 (planner.py's). */
  var PERIOD_WHOLE_FROM = BigInt(100);
  var PACE_WHOLE_FROM = BigInt(10);
  var LANGUAGE = document.documentElement.lang || undefined;
  /* The figures data-most holds are written the English way whatever the page's language. */
  var ENGLISH = { group: ",", decimal: "." };
  var numbers = null;

  /* How the page's language writes numbers: its marks between thousands and before decimals ("," and "." in
     English, "." and "," in German), which the reader types and the planner writes, and the patterns reading
     them. Worked out when first needed: a planner showing the handbook's figures needs none of it. */
  function writing() {
    if (numbers) return numbers;
    var marks = { group: ",", decimal: "." };
    try {
      new Intl.NumberFormat(LANGUAGE).formatToParts(12345.6).forEach(function (part) {
        if (part.type === "group" || part.type === "decimal") marks[part.type] = part.value;
      });
    } catch (e) {
      /* A browser without formatToParts reads and writes English marks. */
    }
    var G = escaped(marks.group);
    var D = escaped(marks.decimal);
    numbers = {
      marks: marks,
      G: G,
      D: D,
      /* Digits, plain or grouped in threes by the page's thousands mark, then at most one decimal mark and
         decimals. */
      plain: new RegExp("^(\\d+|\\d{1,3}(" + G + "\\d{3})+)?(" + D + "\\d+)?$"),
      /* "300.000" is 300 in English, but 300,000 where "." separates thousands (and "300,000" the other way
         round in German): refused rather than guessed. */
      ambiguous: new RegExp("^[1-9]\\d{0,2}" + D + "\\d{3}$"),
    };
    return numbers;
  }
  function escaped(mark) {
    return mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Exact fractions {n, d} with d > 0; floor and ceil are only ever taken of figures of 0 or more. */
  function fraction(n, d) {
    return { n: BigInt(n), d: BigInt(d || 1) };
  }
  function times(a, b) {
    return { n: a.n * b.n, d: a.d * b.d };
  }
  function over(a, b) {
    return { n: a.n * b.d, d: a.d * b.n };
  }
  function minus(a, b) {
    return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
  }
  function plus(a, b) {
    return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
  }
  function compare(a, b) {
    var difference = a.n * b.d - b.n * a.d;
    return difference > ZERO ? 1 : difference < ZERO ? -1 : 0;
  }
  function floor(a) {
    return a.n / a.d;
  }
  function ceil(a) {
    return (a.n + a.d - ONE) / a.d;
  }
  function whole(number) {
    return number.toLocaleString(LANGUAGE);
  }

  function plain(text) {
    return writing().plain.test(text.replace(/^-/, "")) && /\d/.test(text);
  }

  /* A number written with `marks` (the page's unless given), exactly. */
  function exact(text, marks) {
    marks = marks || writing().marks;
    var parts = text.split(marks.group).join("").split(marks.decimal);
    var decimals = parts[1] || "";
    return fraction(parts[0] + decimals, "1" + "0".repeat(decimals.length));
  }

  /* The number typed, or a message saying how it was read and how to write it. */
  function read(text) {
    var page = writing();
    var marks = page.marks;
    if (plain(text) && !page.ambiguous.test(text.replace(/^-/, ""))) return { value: exact(text) };
    if (plain(text)) {
      var small = text.replace(/0+$/, "");
      if (small.slice(-marks.decimal.length) === marks.decimal) small = small.slice(0, -marks.decimal.length);
      var large = text.replace(marks.decimal, marks.group);
      return { problem: Playbook.t("planner.ambiguous", { text: text, small: small, large: large }) };
    }
    /* Written the other way round: the page's thousands mark as a decimal mark, or its decimal mark between
       thousands ("250,5" or "1.250.000" in English, "250.5" or "1,250,000" in German). */
    var swapped = text.replace(new RegExp(page.G + "|" + page.D, "g"), function (mark) {
      return mark === marks.decimal ? marks.group : marks.decimal;
    });
    if (plain(swapped)) {
      var said = { text: text, number: swapped };
      return { problem: text.indexOf(marks.group) >= 0 ? Playbook.t("planner.reads_group_as_decimal", said) : Playbook.t("planner.reads_decimal_as_group", said) };
    }
    return { problem: Playbook.t("planner.not_a_number", { text: text }) };
  }

  /* A field's value within its bounds from data; an optional field left empty is 0. A percentage may be typed
     with its sign ("25%"), a sum of money with a currency sign before or after it ("£300,000", "300.000 €"). */
  function check(input) {
    var text = input.value.trim();
    text = input.hasAttribute("data-percent") ? text.replace(/\s*%$/, "") : text.replace(/^[£$€¥]\s*|\s*[£$€¥]$/g, "");
    var optional = input.hasAttribute("data-optional");
    if (!text) return optional ? { value: fraction(0) } : { problem: Playbook.t("planner.enter_number") };
    var reading = read(text);
    if (reading.problem) return reading;
    var sign = compare(reading.value, fraction(0));
    if (sign < 0 || (sign === 0 && !optional)) return { problem: input.dataset.low };
    if (compare(reading.value, exact(input.dataset.most, ENGLISH)) > 0) return { problem: input.dataset.high };
    if (input.hasAttribute("data-whole") && reading.value.n % reading.value.d !== ZERO) return { problem: input.dataset.whole };
    /* a rate under 1% is most likely a share typed as a fraction (0.2 for 20%): worked out, but said (a sales
       leader read 2,200 calls a day, blamed on the target) */
    if (input.hasAttribute("data-percent") && compare(reading.value, fraction(1)) < 0) reading.note = Playbook.t("planner.percent_below_one", { text: text, percent: decimal(floor(times(reading.value, fraction(1000)))) });
    return reading;
  }

  function decimal(tenths) {
    var tenth = tenths % TEN;
    return whole(tenths / TEN) + (tenth ? writing().marks.decimal + tenth : "");
  }

  /* `amount` (a fraction: a period's count, or a week's figure) over `units`; `unit` is "week" or "day"; the
     words are the page language's (planner.py writes them in English). */
  function pace(amount, units, unit) {
    if (compare(amount, units) >= 0 || amount.n === ZERO) return shownPace(tenthsUp(over(amount, units), PACE_WHOLE_FROM), unit);
    return every(floor(over(times(units, fraction(10)), amount)), unit);
  }

  /* A figure a week or a day, given in tenths, as the page shows it. */
  function shownPace(tenths, unit) {
    var figure = { figure: decimal(tenths) };
    return { text: figure.figure, phrase: unit === "week" ? Playbook.t("planner.a_week", figure) : Playbook.t("planner.a_day", figure), tenths: tenths };
  }

  /* "1 every N weeks" or "… selling days", N given in tenths (kept, as a figure's tenths are); "1 every week" or
     "… selling day" where N is 1. */
  function every(tenths, unit) {
    var figure = { figure: decimal(tenths) };
    var one = tenths === TEN;
    var said = unit === "week" ? (one ? Playbook.t("planner.every_week") : Playbook.t("planner.every_weeks", figure)) : one ? Playbook.t("planner.every_day") : Playbook.t("planner.every_days", figure);
    return { text: said, phrase: said, every: true, tenths: tenths };
  }

  /* A day from the week as shown (planner._day), where the period's count over its days is under one a day, so
     a week's selling days make at least its figure; fewer than one a week, one every N weeks is one every N ×
     selling days a week, rounded down as N is. */
  function dayPace(week, values) {
    return week.every ? every(floor(times(fraction(week.tenths), values.selling_days_per_week)), "day") : pace(fraction(week.tenths, TEN), values.selling_days_per_week, "day");
  }

  function percent(rate) {
    return Playbook.t("units.percent", { number: decimal(floor({ n: rate.n * BigInt(2000) + rate.d, d: rate.d * BigInt(2) })) });
  }

  /* `values` holds the fields by name, rates in percent; `layout` names the stages, the period and where
     existing pipeline sits. */
  function plan(values, layout) {
    var hundred = fraction(100);
    var rates = layout.stages.slice(1).map(function (stage) {
      return over(values[stage], hundred);
    });
    var closes = fraction(1);
    rates.slice(layout.pipelineStage).forEach(function (rate) {
      closes = times(closes, rate);
    });
    var fromProspecting = times(values.revenue_target, minus(fraction(1), over(values.share_not_from_prospecting, hundred)));
    var fromPipeline = plus(values.committed_pipeline, times(values.existing_pipeline, closes));  /* planner.from_pipeline */
    var wanted = minus(fromProspecting, fromPipeline);
    var toFind = compare(wanted, fraction(0)) > 0 ? wanted : fraction(0);
    /* from the deals up: each stage the next one's figure ÷ its rate, rounded up as `needed` */
    var counts = [needed(over(toFind, values.average_deal_size))];
    for (var i = rates.length - 1; i >= 0; i -= 1) counts.unshift(needed(over(counts[0], rates[i])));
    var steps = [];
    for (var index = counts.length - 1; index >= 0; index -= 1) {  /* from the last step up (planner.plan) */
      var count = counts[index];
      var below = steps[0];
      var figure = decimal(count.n * TEN / count.d);
      var period = { text: figure, phrase: Playbook.t("planner.a_period", { figure: figure, period: layout.periodWords }) };
      var rate = index ? rates[index - 1] : null;
      var paces = spread(count, values);
      if (below) paces = reached(paces, below, rates[index], values);
      steps.unshift({ period: period, week: paces.week, day: paces.day, rate: rate ? percent(rate) : "", share: rate, count: count });
    }
    return { revenue: whole(ceil(toFind)), fromPipeline: floor(fromPipeline), covered: toFind.n === ZERO, steps: steps };
  }

  /* A stage's figure a period, rounded up (planner.needed): to a whole number from 100, to one decimal below
     (6.1 deals, not 7; 14.4 qualified opportunities, not 15). */
  function needed(amount) {
    return fraction(tenthsUp(amount, PERIOD_WHOLE_FROM), TEN);
  }

  /* `value` rounded up and counted in tenths (planner._tenths_up): to a whole number from `wholeFrom`, one
     decimal below. */
  function tenthsUp(value, wholeFrom) {
    var tenths = ceil(times(value, fraction(10)));
    return tenths > wholeFrom * TEN ? ceil(value) * TEN : tenths;
  }

  /* `count` a period as a week's and a day's figure (planner._spread): from one a day up, the day over the
     period's selling days, rounded up, and the week what those days make; under one a day, the day from the week. */
  function spread(count, values) {
    var week = pace(count, values.weeks_in_period, "week");
    var day = pace(count, times(values.weeks_in_period, values.selling_days_per_week), "day");
    if (week.every || day.every) {
      day = dayPace(week, values);
      if (day.every) return { week: week, day: day };
    }
    return { week: daysMake(day, values), day: day };
  }

  /* A step's week and day raised to reach the step below (planner._reached). */
  function reached(paces, below, rate, values) {
    var week = paces.week, day = paces.day;
    if (day.every) {
      week = reaching(week, below.week, rate, "week");
      day = dayPace(week, values);
      if (day.every) return { week: week, day: day };
    }
    if (below.day.every) {
      if (!below.week.every) day = higher(day, pace(over(fraction(below.week.tenths, TEN), rate), values.selling_days_per_week, "day"));
    } else {
      day = reaching(day, below.day, rate, "day");
    }
    return { week: daysMake(day, values), day: day };
  }

  /* The week a day's figure makes over the selling days, exactly (planner._days_make). */
  function daysMake(day, values) {
    return shownPace(ceil(times(fraction(day.tenths), values.selling_days_per_week)), "week");
  }

  function higher(own, other) {
    return !other.every && other.tenths > own.tenths ? other : own;
  }

  /* A week's or a day's figure raised where needed so that, × the next step's rate, it gives at least that
     step's figure as shown (planner._reaching); not for "1 every N" figures. */
  function reaching(own, below, rate, unit) {
    if (own.every || below.every) return own;
    return higher(own, pace(over(fraction(below.tenths, TEN), rate), fraction(1), unit));
  }

  /* Where the words hold the week's figure and the interval, as nodes of the line (planner.block_pace), in
     whichever order a language puts them. */
  var WEEK_MARK = "\u0000";
  var INTERVAL_MARK = "\u0001";

  /* The calling blocks a rep holds in a week (planner.blocks_a_week): one on each calling day they sell on
     (selling days are whole);
     `line` is the block-pace line, which carries the team's calling days. */
  function blocksAWeek(line, values) {
    return Math.min(Number(line.dataset.callingDays), Number(floor(values.selling_days_per_week)));
  }

  /* The first step's weekly figure over the week's calling blocks (planner.block_interval): whole minutes from
     two minutes apart, else seconds, "under a second" below one, so a rate typed wrong shows at once. A block on
     each calling day the rep sells on (planner.blocks_a_week); the sentence is written again when that changes. */
  function showBlockPace(form, week, values) {
    var line = form.querySelector("[data-block-pace]");
    if (!line) return;
    line.hidden = !!week.every || !Number(week.tenths);
    if (line.hidden) return;
    var days = blocksAWeek(line, values);
    if (days !== Number(line.dataset.blockDays)) {
      var figure = line.querySelector("[data-per=week]");
      var interval = line.querySelector("[data-interval]");
      var words = Playbook.t("planner.block_pace", { count: days, week: WEEK_MARK, block: line.dataset.block, days: days, interval: INTERVAL_MARK });
      line.textContent = "";
      words.split(/(\u0000|\u0001)/).forEach(function (part) {
        line.append(part === WEEK_MARK ? figure : part === INTERVAL_MARK ? interval : part);
      });
      line.dataset.blockDays = days;
    }
    var seconds = Math.floor((Number(line.dataset.blockMinutes) * days * 600) / Number(week.tenths));
    line.querySelector("[data-interval]").textContent = seconds >= 120 ? Playbook.t("units.minutes", { minutes: Math.floor(seconds / 60) })
      : seconds ? Playbook.t("units.seconds", { seconds: seconds }) : Playbook.t("units.under_a_second");
  }

  /* Minutes as a reader says them, to the nearest minute (words.duration): "20 min", "2 h", "2 h 10 min". */
  function duration(minutes) {
    var total = Math.round(minutes);
    var hours = Math.floor(total / 60), rest = total % 60;
    if (!hours) return Playbook.t("units.minutes", { minutes: rest });
    return rest ? Playbook.t("units.hours_minutes", { hours: hours, minutes: rest }) : Playbook.t("units.hours", { hours: hours });
  }

  /* What the week's figures as shown take of the calling blocks, at each stage's minutes (planner
     block_minutes_needed), said only when more than the week's blocks hold. */
  function showBlockTime(form, layout, result, values) {
    var line = form.querySelector("[data-block-overfull]");
    var pace = form.querySelector("[data-block-pace]");
    if (!line || !pace) return;
    var tenths = 0;  /* whole tenths of a minute, so the sum is exact */
    layout.minutes.forEach(function (minutes, index) {
      var week = result.steps[index].week;
      if (minutes && !week.every) tenths += Number(week.tenths) * minutes;
    });
    var block = Number(pace.dataset.blockMinutes) * blocksAWeek(pace, values);
    line.querySelector("[data-needed]").textContent = duration(tenths / 10);
    line.querySelector("[data-block-week]").textContent = duration(block);
    line.hidden = tenths <= block * 10;
    /* A week that doesn't fit leaves no time "for each" call: the pace line would read as if it did (a VP). */
    if (!line.hidden) pace.hidden = true;
  }

  /* The first step's week × the weeks, rounded up, when that is at least data-over-ask-from more than the
     period's figure (planner Plan.over_ask). */
  function showOverAsk(form, result, values) {
    var line = form.querySelector("[data-over-ask]");
    var first = result.steps[0];
    var count = first.count;
    if (first.week.every || count.n === ZERO) { line.hidden = true; return; }
    var total = ceil(times(fraction(first.week.tenths, TEN), values.weeks_in_period));
    var more = over(minus(fraction(total), count), count);
    line.hidden = compare(more, exact(line.dataset.overAskFrom, ENGLISH)) < 0;
    line.querySelector("[data-over-weeks]").textContent = form.querySelector("input[name=weeks_in_period]").value.trim();
    line.querySelector("[data-over-total]").textContent = whole(total);
    line.querySelector("[data-over-more]").textContent = percent(more);
  }

  function show(form, layout, result, values) {
    showBlockPace(form, result.steps[0].week, values);
    showBlockTime(form, layout, result, values);
    showOverAsk(form, result, values);
    var share = percent(over(values.share_not_from_prospecting, fraction(100)));
    form.querySelectorAll("[data-revenue]").forEach(function (figure) { figure.textContent = result.revenue; });
    form.querySelectorAll("[data-share-shown]").forEach(function (figure) { figure.textContent = share; });
    form.querySelector("[data-from-pipeline]").textContent = whole(result.fromPipeline);
    form.querySelector("[data-revenue-with-pipeline]").hidden = result.fromPipeline === ZERO;
    form.querySelector("[data-revenue-without-pipeline]").hidden = result.fromPipeline !== ZERO;
    form.querySelector("[data-covered]").hidden = !result.covered;
    var short = form.querySelector("[data-short-period]");
    short.hidden = compare(values.weeks_in_period, exact(short.dataset.fullWeeks, ENGLISH)) >= 0 || compare(values.weeks_in_period, fraction(Number(short.dataset.cycleWeeks))) > 0;
    layout.stages.forEach(function (stage, index) {
      var step = result.steps[index];
      form.querySelectorAll('[data-stage="' + stage + '"] [data-per]').forEach(function (figure) {
        var figures = step[figure.dataset.per];
        figure.textContent = figure.hasAttribute("data-phrase") ? figures.phrase : figures.text;
      });
      form.querySelector('tr[data-stage="' + stage + '"] [data-rate]').textContent = step.rate;
    });
  }

  /* What a target of the activity targets (activity_targets.html) reads with these figures, as the page states
     the handbook's: "27 a day", "1 in 4" or "22% (about 1 in 5)". */
  function targetFigure(step, show) {
    var share = step.share;
    /* "1 in 5", else the percentage with about one in how many (planner.about_one_in) */
    if (show === "conversion rate") return share.n === ZERO ? step.rate : share.d % share.n === ZERO ? Playbook.t("planner.one_in", { number: whole(share.d / share.n) })
      : Playbook.t("planner.percent_about_one_in", { percent: step.rate, number: whole((share.d * BigInt(2) + share.n) / (share.n * BigInt(2))) });
    return (show === "per day" ? step.day : show === "per week" ? step.week : step.period).phrase;
  }

  /* Under each target the planner works out, its figure for the reader's own figures, while they differ from
     the handbook's; nothing while a field is wrong. Where the pipeline covers the target, no figure of 0: the
     activity floor still holds (planner.covered). */
  function showTargets(layout, result, needed) {
    document.querySelectorAll("[data-planner-target]").forEach(function (yours) {
      var step = result && result.steps[layout.stages.indexOf(yours.dataset.stage)];
      var rate = yours.dataset.plannerTarget === "conversion rate";
      var covered = result && result.covered && !rate;
      var figure = !step ? "" : covered ? Playbook.t("planner.covered_target", { period: layout.periodWords }) : targetFigure(step, yours.dataset.plannerTarget);
      var handbook = yours.parentNode.querySelector("[data-handbook-figure]").textContent;
      var floor = step && !result.covered && !rate && needed[yours.dataset.stage];
      var said = !floor ? "" : floor.of ? Playbook.t("planner.under_floor_takes", { figure: figure, floor: floor.phrase, stage: floor.of })
        : Playbook.t("planner.under_floor", { figure: figure, floor: floor.phrase });
      yours.textContent = !figure ? "" : covered ? figure : floor ? said : Playbook.t("planner.with_planner", { figure: figure });
      yours.hidden = !figure || (figure === handbook && !floor);
    });
  }

  /* The stages whose figures fall under the activity floor, by stage: each floored stage's own floor, and for a
     stage before one (the calls before the conversations) what that floor takes at the reader's rates, rounded
     up: a manager read a calls target that, hit, left the rep under the conversations floor. { count, weeks,
     phrase, of: the floored stage's name, for one worked out from it }. */
  function underFloor(layout, result, floors) {
    var under = {};
    if (!result) return under;  /* a covered period too: its figures are 0, and the floor still holds */
    layout.stages.forEach(function (stage, index) {
      var step = result.steps[index];
      var least = null;
      for (var later = index; later < layout.stages.length; later += 1) {
        var floor = floors[layout.stages[later]];
        if (!floor) continue;
        var rate = fraction(1);
        for (var k = index + 1; k <= later; k += 1) rate = times(rate, result.steps[k].share);
        if (rate.n === ZERO) continue;
        var count = later === index ? floor.count : ceil(over(fraction(floor.count), rate));
        if (!least || count > least.count) least = { count: count, weeks: floor.weeks, of: later === index ? null : layout.inSentence[later] };
      }
      if (least && compare(times(perWeek(step.week), fraction(least.weeks)), fraction(least.count)) < 0) {
        least.phrase = Playbook.t("planner.in_weeks", { count: whole(least.count), weeks: least.weeks });
        under[stage] = least;
      }
    });
    return under;
  }

  /* The team's share of the target that comes without prospecting, in percent, the most the activity floor
     counts (data-floor-most-without); null on a page without the floor. */
  function teamShareWithout() {
    var rule = document.querySelector("[data-floor-most-without]");
    return rule ? times(exact(rule.dataset.floorMostWithout, ENGLISH), fraction(100)) : null;
  }

  /* Under the planner's headline, while any stage's figures fall under the activity floor, what to keep; and,
     while the share typed as coming without prospecting is above the team's (which the floor counts no more
     of), that a role built that way agrees a floor of its own. */
  function showUnderFloor(form, layout, under, values) {
    var line = form.querySelector("[data-under-floor]");
    if (!line) return;
    var most = teamShareWithout();
    var ownRole = form.querySelector("[data-under-floor-own-role]");
    var kept = layout.stages.filter(function (stage) { return under[stage]; }).map(function (stage) {
      var name = layout.names[layout.stages.indexOf(stage)];
      return under[stage].of ? Playbook.t("planner.floor_figure_takes", { figure: under[stage].phrase, stage: name, of: under[stage].of })
        : Playbook.t("planner.floor_figure", { figure: under[stage].phrase, stage: name });
    });
    line.hidden = !kept.length;
    line.querySelector("[data-under-floor-figures]").textContent = kept.length ? Playbook.list(kept) : "";
    ownRole.hidden = !kept.length || !most || !values.share_not_from_prospecting || compare(values.share_not_from_prospecting, most) <= 0;
  }

  /* A week's figure as an exact number a week: "1 every 2.5 weeks" is 0.4. */
  function perWeek(week) {
    return week.every ? fraction(TEN, week.tenths) : fraction(week.tenths, TEN);
  }

  /* The activity floor for a week's figure: `part` of it over `weeks` weeks running, rounded down to whole
     activities (planner.floor_count). */
  function floorCount(week, part, weeks) {
    var count = floor(times(times(perWeek(week), part), fraction(weeks)));
    return { count: count, weeks: weeks, phrase: Playbook.t("planner.in_weeks", { count: whole(count), weeks: weeks }) };
  }

  /* The activity floor's figures for the reader's own figures: its share of their target's full pace, the plan
     with no existing pipeline counted (ActivityPlanner.floor_pace) and no more of the target from elsewhere than
     the team's (data-floor-most-without: a bigger share is an exception agreed with the manager, as the floor's
     note says); the handbook's while a field is wrong. */
  function showFloor(layout, values, valid) {
    var floors = {};
    var line = document.querySelector("[data-floor-share]");
    if (!line) return floors;
    var most = teamShareWithout();
    var without = compare(values.share_not_from_prospecting, most) > 0 ? most : values.share_not_from_prospecting;
    var full = valid ? plan(Object.assign({}, values, { existing_pipeline: fraction(0), committed_pipeline: fraction(0), share_not_from_prospecting: without }), layout) : null;
    var part = exact(line.dataset.floorShare, ENGLISH);
    var changed = false;
    /* With none of the target from prospecting, the plan's figures are 0: the team's floor still holds. */
    if (full && full.steps.every(function (step) { return step.count.n === ZERO; })) full = null;
    line.querySelectorAll("[data-floor-figure]").forEach(function (figure) {
      if (!figure.dataset.handbook) figure.dataset.handbook = figure.textContent;
      var step = full && full.steps[layout.stages.indexOf(figure.dataset.stage)];
      var floor = step ? floorCount(step.week, part, Number(line.dataset.floorWeeks)) : null;
      if (floor) floors[figure.dataset.stage] = floor;
      figure.textContent = floor ? floor.phrase : figure.dataset.handbook;
      changed = changed || figure.textContent !== figure.dataset.handbook;
    });
    line.querySelector("[data-floor-at]").textContent = changed ? Playbook.t("planner.floor_at_yours") : Playbook.t("planner.floor_at_targets");
    return floors;
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var layout = {
      stages: Array.prototype.map.call(form.querySelectorAll("tr[data-stage]"), function (row) {
        return row.dataset.stage;
      }),
      names: Array.prototype.map.call(form.querySelectorAll("tr[data-stage] th"), function (th) {
        return th.textContent.trim();
      }),
      /* each stage's name inside a sentence, as the page's language writes it (words.in_sentence) */
      inSentence: Array.prototype.map.call(form.querySelectorAll("tr[data-stage]"), function (row) {
        return row.dataset.inSentence;
      }),
      minutes: Array.prototype.map.call(form.querySelectorAll("tr[data-stage]"), function (row) {
        return row.hasAttribute("data-minutes-each") ? Number(row.dataset.minutesEach) : 0;
      }),
      pipelineStage: Number(form.dataset.pipelineStage),
      period: form.dataset.period,
    };
    /* The period's code (data/bootcamp.yml) in the page's words, each code's key written out. */
    layout.periodWords = layout.period === "month" ? Playbook.t("planner.month") : layout.period === "year" ? Playbook.t("planner.year") : Playbook.t("planner.quarter");
    var key = Playbook.storageKey("planner", "activity");
    var inputs = form.querySelectorAll("input");
    var tool = Playbook.workspace.attach(form, load);
    var fix = form.querySelector("[data-fix]");
    var timer;

    function update(byReader) {
      var values = {};
      var edited = {};
      inputs.forEach(function (input) {
        var result = check(input);
        values[input.name] = result.value;
        document.getElementById(input.getAttribute("aria-describedby")).textContent = result.problem || result.note || "";
        input.setAttribute("aria-invalid", result.problem ? "true" : "false");
        if (input.value !== input.defaultValue) edited[input.name] = input.value;
      });
      fix.hidden = !form.querySelector("[aria-invalid=true]");
      form.querySelector("[data-results]").hidden = !fix.hidden;
      var result = fix.hidden ? plan(values, layout) : null;
      if (result) show(form, layout, result, values);
      var under = underFloor(layout, result, showFloor(layout, values, Boolean(result)));
      showTargets(layout, result, under);
      showUnderFloor(form, layout, under, values);
      /* The reader's own figures under the key they always had; a rep's as a dated record. */
      if (Playbook.workspace.current() === "me" && !tool.save(key, edited)) return;
      if (byReader) tool.record("planner", "activity", { fields: edited });
      showSaved(Object.keys(edited).length > 0);
    }

    /* Figures typed in once stay until reset, so the planner says whose they are and when they were last
       changed (the day of the newest saved record), to be checked again as the pipeline and rates move. */
    function showSaved(own) {
      var line = form.querySelector("[data-planner-saved]");
      var last = own && Playbook.workspace.latest({ kind: "planner", tool: "activity" });
      line.hidden = !own;
      var ws = Playbook.workspace;
      var words = { day: last && Playbook.dates.day(last.date, "long"), period: layout.periodWords, reset: form.querySelector("button[type=reset]").textContent.trim(), name: ws.name(ws.current()) };
      line.textContent = !own ? "" : ws.current() !== "me" ? Playbook.t("planner.reps_figures", words) : last ? Playbook.t("planner.own_figures", words) : Playbook.t("planner.own_figures_undated", words);
    }

    /* The plan's summaries; or, while a field is refused, which fields and why: "highlighted" alone named none
       to a screen reader, whose focus had moved on (a screen-reader reviewer). */
    function announce() {
      var shown = fix.hidden ? form.querySelectorAll("[data-results] .pb-planner__summary:not([hidden])") : [fix];
      var said = Array.prototype.map.call(shown, function (summary) { return summary.textContent; });
      if (!fix.hidden) form.querySelectorAll("input[aria-invalid=true]").forEach(function (input) {
        said.push(Playbook.t("planner.fix_field", { field: input.labels[0].textContent.replace(/\s+/g, " ").trim(), problem: document.getElementById(input.getAttribute("aria-describedby")).textContent }));
      });
      form.querySelector("[role=status]").textContent = said.join(" ");
    }

    function changed() {
      update(true);
      /* One announcement once typing pauses: the table at each keystroke would drown a screen reader. */
      clearTimeout(timer);
      timer = setTimeout(announce, 700);
    }

    form.addEventListener("input", changed);
    /* A figure typed without thousands marks is written with them once the reader leaves the field ("240000"
       reads back as "240,000"), as the planner writes its own; its decimals stay as typed. */
    form.addEventListener("change", function (event) {
      var input = event.target;
      var text = input.value.trim();
      if (check(input).problem || text.indexOf(writing().marks.group) >= 0) return;
      var parts = text.split(writing().marks.decimal);
      var grouped = whole(BigInt(parts[0] || "0")) + (parts.length > 1 ? writing().marks.decimal + parts[1] : "");
      if (grouped !== input.value) {
        input.value = grouped;
        update(false);
      }
    });
    /* reset fires before the fields change, so recompute after it */
    form.addEventListener("reset", function () {
      setTimeout(changed);
    });
    /* Opens, and reopens when another rep is chosen, with that rep's figures or the handbook's. Opening with
       the handbook's own figures, the page already shows their plan, worked out the same way on the server
       (the tests hold the two equal), so there is nothing to work out or save. */
    function load(opening) {
      var ws = Playbook.workspace;
      var saved = ws.current() === "me" ? Playbook.load(key) : null;
      if (!saved) {
        var last = ws.latest({ kind: "planner", tool: "activity" });
        saved = last ? last.data.fields : null;
      }
      saved = saved && typeof saved === "object" ? saved : {};
      var edited = false;
      inputs.forEach(function (input) {
        input.value = typeof saved[input.name] === "string" ? saved[input.name] : input.defaultValue;
        edited = edited || input.value !== input.defaultValue;
      });
      if (edited || opening !== true) update(false);
      else showSaved(false);
    }

    load(true);
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-planner]:not([data-ready])").forEach(enhance);
    },
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
