/* Checklist widget: ticks saved in this browser, keyed by checklist id and item id from the data. One with
   data-repeats ("day" or "week") keeps ticks per day or week of the reader's calendar, with a history; "charter-review", by the review on the charter's date (data-review); "one-to-one", a list done
   before each 1:1, by the rep's 1:1s held (prepTicks). */
(function (Playbook) {
  "use strict";

  var KEPT = 8;
  var midnight;

  function init(root) {
    root.querySelectorAll("form[data-checklist]:not([data-ready])").forEach(enhance);
    watchMidnight();
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][data-item]"));
    /* A list kept for no rep has no rep picker, whose status would say that storage is full: its own. */
    var storage = null;
    if (form.hasAttribute("data-reader-only")) {
      storage = document.createElement("p");
      storage.className = "pb-checklist__storage";
      storage.setAttribute("role", "status");
      form.prepend(storage);
    }
    var tool = Playbook.workspace.attach(form, function () { show(); update(false); }, storage);
    var repeats = form.dataset.repeats;
    var ticks = repeats === "one-to-one" ? prepTicks(form, boxes.length, tool) : repeats ? periodTicks(form, boxes.length, tool) : lastingTicks(form, boxes.length, tool);
    var stale = {};

    var status = document.createElement("div");
    status.className = "pb-checklist__status";
    var progress = document.createElement("progress");
    progress.max = boxes.length;
    progress.setAttribute("aria-hidden", "true");
    var count = document.createElement("p");
    count.className = "pb-checklist__count";
    /* Said after the reader's own tick or reset, with the list's name: as a live count, choosing another rep read
       out every list's "0 of 9 done" with no name (a screen-reader reviewer). */
    var said = document.createElement("p");
    said.className = "pb-visually-hidden";
    said.setAttribute("role", "status");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button pb-checklist__reset";
    reset.textContent = Playbook.t("checklist.reset");
    reset.setAttribute("aria-label", Playbook.t("checklist.reset_label", { list: form.querySelector("legend").textContent }));
    var removed = document.createElement("p");
    removed.className = "pb-checklist__removed";
    status.append(progress, count, reset, said);
    form.querySelector(".pb-checklist__items").after(status, removed);

    /* Ticks saved as the item's fingerprint (or true, from before fingerprints); a tick given to an item
       reworded since is kept but not counted, and the item says so, until it is ticked again. */
    function show() {
      var ticked = ticks.load();
      stale = {};
      boxes.forEach(function (box) {
        var mark = ticked[box.dataset.item];
        var changed = typeof mark === "string" && mark !== box.dataset.fingerprint;
        box.checked = mark === true || mark === box.dataset.fingerprint;
        if (changed) stale[box.dataset.item] = mark;
        markChanged(box, changed);
      });
      var gone = Object.keys(ticked).filter(function (id) {
        return ticked[id] && !boxes.some(function (box) { return box.dataset.item === id; });
      }).length;
      removed.textContent = gone ? Playbook.t("checklist.gone", { count: gone }) : "";
      removed.hidden = !gone;
    }

    function update(byReader) {
      var state = {};
      var done = 0;
      boxes.forEach(function (box) {
        if (box.checked) {
          state[box.dataset.item] = box.dataset.fingerprint;
          done += 1;
        } else if (stale[box.dataset.item]) {
          state[box.dataset.item] = stale[box.dataset.item];
        }
      });
      progress.value = done;
      count.textContent = Playbook.t("checklist.count", { done: done, total: boxes.length });
      said.textContent = byReader ? Playbook.t("checklist.count_said", { list: form.querySelector("legend").textContent.trim(), done: done, total: boxes.length }) : "";
      form.classList.toggle("pb-checklist--complete", done === boxes.length);
      ticks.save(state, done, byReader);
    }

    /* A box changed by the reader is answered as the item now reads. */
    function settle(box) {
      delete stale[box.dataset.item];
      markChanged(box, false);
    }

    form.addEventListener("change", function (event) {
      if (event.target.dataset.item) settle(event.target);
      update(true);
    });
    form.addEventListener("playbook:today", function () {
      show();
      update(false);
    });
    reset.addEventListener("click", function () {
      if (boxes.some(function (box) { return box.checked; }) && !window.confirm(Playbook.t("checklist.confirm_reset", { list: form.querySelector("legend").textContent }))) return;
      boxes.forEach(function (box) {
        box.checked = false;
        settle(box);
      });
      update(true);
      boxes[0].focus();
    });
    show();
    update(false);
  }

  function markChanged(box, changed) {
    Playbook.workspace.markChanged(box, changed && Playbook.t("checklist.changed"), "pb-checklist__changed");
  }

  function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isTick(value) {
    return value === true || typeof value === "string";
  }

  /* A checklist that does not repeat: ticks stay until reset. The reader's own are kept under the key they
     always had; a rep's in dated records, the latest of which is shown. */
  function lastingTicks(form, total, tool) {
    var ws = Playbook.workspace;
    var id = form.dataset.checklist;
    var key = Playbook.storageKey("checklist", id);
    return {
      load: function () {
        var saved = tool.whose() === "me" ? Playbook.load(key) : null;
        /* a list that used to start afresh (saved by period): its newest period's ticks carry on */
        if (saved && saved.version === 2 && isRecord(saved.periods)) {
          var newest = Object.keys(saved.periods).sort().pop();
          saved = newest && isRecord(saved.periods[newest]) ? saved.periods[newest] : {};
        }
        if (saved) return isRecord(saved.ticked) ? saved.ticked : {};
        var last = ws.latest({ rep: tool.whose(), kind: "checklist", tool: id });
        return last && isRecord(last.data.ticked) ? last.data.ticked : {};
      },
      save: function (ticked, done, byReader) {
        if (tool.whose() === "me" && !tool.save(key, { ticked: ticked })) return;
        if (byReader) tool.record("checklist", id, { period: null, ticked: ticked, done: done, total: total });
      }
    };
  }

  /* The reader's own saved as {version: 2, periods: {"2026-12-01": {ticked, total}}}, this period and the KEPT
     before it; a rep's as a record per period, dated its first day. Malformed periods are ignored, and so is
     the undated {ticked} saved before: its day is unknown. */
  function periodTicks(form, total, tool) {
    var ws = Playbook.workspace;
    var id = form.dataset.checklist;
    var key = Playbook.storageKey("checklist", id);
    var show = periodView(form);
    var starts, periods;

    function found() {
      var saved = tool.whose() === "me" ? Playbook.load(key) : null;
      if (saved) return saved.version === 2 && isRecord(saved.periods) ? saved.periods : {};
      var byDate = {};
      ws.records({ rep: tool.whose(), kind: "checklist", tool: id }).forEach(function (item) { byDate[item.date] = item.data; });
      return byDate;
    }

    return {
      load: function () {
        var saved = found();
        starts = form.dataset.review ? reviewStarts(form.dataset.review, saved) : recentStarts(form.dataset.repeats, Number(form.dataset.weekStarts));
        periods = {};
        starts.forEach(function (start) {
          var period = saved[start.key];
          /* One with nothing ticked (a rep's record after an untick, or one saved before such periods were
             dropped) reads as nothing ticked, as save() leaves it. */
          if (isRecord(period) && isRecord(period.ticked) && Object.keys(period.ticked).length && Number.isInteger(period.total) && period.total > 0) {
            periods[start.key] = { ticked: period.ticked, total: period.total };
          }
        });
        return periods[starts[0].key] ? periods[starts[0].key].ticked : {};
      },
      /* A day or week with nothing ticked keeps no period, so one only opened reads as nothing ticked in the
         history, not as a slump to 0 of 8. */
      save: function (ticked, done, byReader) {
        if (Object.keys(ticked).length) periods[starts[0].key] = { ticked: ticked, total: total };
        else delete periods[starts[0].key];
        show(starts, periods);
        if (tool.whose() === "me" && !tool.save(key, { version: 2, periods: periods })) return;
        if (byReader) tool.record("checklist", id, { period: form.dataset.repeats, ticked: ticked, done: done, total: total }, starts[0].key);
      }
    };
  }

  /* A list done before each 1:1: each day's ticks are kept as that day's (the reader's own under their day, in
     a version 3 store, and as a record dated it; a rep's as a record dated it), and read by the rep's 1:1s held
     (Playbook.checklistOneToOnes). On show: the latest day's since the last 1:1 held before today and at most a
     week back, so a manager's Friday preparation is there at Monday's 1:1 (a list that started afresh each week
     had emptied it), a 1:1 recorded late still finds this week's, and one never recorded leaves its ticks a week
     at most. Once today's 1:1 is recorded as held, the list is the next 1:1's, its ticks kept as tomorrow's (a
     manager preparing straight after a 1:1 found them filed under it and gone the next morning). The history:
     the preparation for each of the last KEPT 1:1s held, the latest day with ticks in the week before it, after
     the 1:1 held before that. Ticks saved when the list started afresh each week (dated the
     week's first day) count as the week's last day, or today in the week still running. */
  function prepTicks(form, total, tool) {
    var ws = Playbook.workspace;
    var id = form.dataset.checklist;
    var key = Playbook.storageKey("checklist", id);
    var show = periodView(form);
    var saved, starts, periods, oldest;

    function weekly(day, today) {
      var last = shift(day, 6);
      return last < today ? last : today;
    }

    function found(today) {
      var byDate = {};
      var mine = tool.whose() === "me" ? Playbook.load(key) : null;
      if (mine && isRecord(mine.periods) && (mine.version === 2 || mine.version === 3)) {
        Object.keys(mine.periods).forEach(function (day) { byDate[mine.version === 2 ? weekly(day, today) : day] = mine.periods[day]; });
        return byDate;
      }
      if (mine) return byDate;
      ws.records({ rep: tool.whose(), kind: "checklist", tool: id }).forEach(function (item) {
        byDate[item.data && item.data.period === "week" ? weekly(item.date, today) : item.date] = item.data;
      });
      return byDate;
    }

    function shift(day, days) {
      return Playbook.dates.iso(Playbook.dates.number(day) + days);
    }

    function kept(period) {
      return isRecord(period) && isRecord(period.ticked) && Number.isInteger(period.total) && period.total > 0;
    }

    function ticked(period) {
      return kept(period) && Object.keys(period.ticked).length > 0;
    }

    /* The latest saved day of the preparation for a 1:1 on `day` after one on `previous` (or none) that `counts`. */
    function latest(previous, day, counts) {
      var from = previous && shift(previous, 1) > shift(day, -6) ? shift(previous, 1) : shift(day, -6);
      return Object.keys(saved).filter(function (each) { return each >= from && each <= day && counts(saved[each]); }).sort().pop() || null;
    }

    return {
      load: function () {
        var today = Playbook.dates.today();
        saved = found(today);
        var upToToday = Playbook.checklistOneToOnes ? Playbook.checklistOneToOnes(today) : [];
        var earlier = upToToday.filter(function (day) { return day < today; });
        var held = upToToday.length > earlier.length ? upToToday : earlier;
        var key = held === earlier ? today : shift(today, 1);
        var current = latest(held[held.length - 1], key, kept);
        starts = [{ key: key, since: held[held.length - 1] || null }];
        periods = {};
        if (current) periods[key] = saved[current];
        held.slice(-KEPT).reverse().forEach(function (day) {
          var before = latest(held[held.indexOf(day) - 1], day, ticked);
          starts.push({ key: "before " + day });
          if (before) periods["before " + day] = saved[before];
        });
        /* the reader's own days are kept back to the week before the oldest 1:1 the history shows */
        var first = held.slice(-KEPT)[0];
        oldest = shift(first && first < today ? first : today, -7);
        return periods[key] ? periods[key].ticked : {};
      },
      /* The ticks kept under the list's day (today's, or tomorrow's once today's 1:1 is held), an empty list too,
         so that it shows instead of an earlier day's. */
      save: function (ticks, done, byReader) {
        if (byReader) {
          periods[starts[0].key] = { ticked: ticks, total: total };
          saved[starts[0].key] = periods[starts[0].key];
          if (tool.whose() === "me") {
            var mine = {};
            Object.keys(saved).forEach(function (day) { if (day >= oldest) mine[day] = saved[day]; });
            if (!tool.save(key, { version: 3, periods: mine })) return;
          }
          tool.record("checklist", id, { period: "one-to-one", ticked: ticks, done: done, total: total }, starts[0].key);
        }
        show(starts, periods);
      }
    };
  }

  /* The first days of this period and the KEPT before it, newest first, in local time; at noon, so a
     change to or from summer time cannot move one to another date. A daily list's days are the team's working
     days (Playbook.workdays): a
     weekend is not a day missed, and on one the list on show is the last working day's, where a rep catches up
     with Friday's ticks, rather than a Saturday's that counts as a day worked. */
  function recentStarts(repeats, weekStart) {
    var now = new Date();
    var step = repeats === "week" ? 7 : 1;
    var back = repeats === "week" ? (now.getDay() - weekStart + 7) % 7 : 0;
    var starts = [];
    var offset = back;
    var working = function (back) { return Playbook.workdays.working(Playbook.dates.number(Playbook.dates.of(daysBefore(now, back)))); };
    if (repeats === "day") while (!working(offset)) offset += 1;
    for (var n = 0; n <= KEPT; n += 1) {
      var day = daysBefore(now, offset);
      starts.push({ day: day, key: Playbook.dates.of(day) });
      offset += step;
      if (repeats === "day") while (!working(offset)) offset += 1;
    }
    return starts;
  }

  /* The charter review's periods, newest first: the review on the charter's next_review date, then the KEPT
     latest saved before it (a review's date is the leader's, so earlier ones are known only from the ticks kept;
     a quarter's ticks saved when the list started afresh each calendar quarter count as that quarter's review). */
  function reviewStarts(review, saved) {
    var earlier = Object.keys(saved).filter(function (key) { return key < review && /^\d{4}-\d{2}-\d{2}$/.test(key); }).sort().reverse();
    return [review].concat(earlier.slice(0, KEPT)).map(function (key) { return { key: key }; });
  }

  /* The local day `offset` days before `now`, at noon. */
  function daysBefore(now, offset) {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset, 12);
  }

  /* The day or week on show, and the history: a bar per earlier period, oldest first, and the same in words. */
  function periodView(form) {
    var line = form.querySelector(".pb-checklist__period");
    var now = document.createElement("span");
    now.className = "pb-checklist__now";
    line.append(now);
    var history = document.createElement("p");
    history.className = "pb-checklist__history";
    var caption = document.createElement("span");
    caption.setAttribute("aria-hidden", "true");
    var repeats = form.dataset.repeats;
    var bars = document.createElement("span");
    bars.className = "pb-checklist__bars";
    bars.setAttribute("role", "img");
    history.append(caption, bars);
    form.querySelector("fieldset").append(history);
    return function (starts, periods) {
      var said = periodWords(repeats, starts);
      caption.textContent = said.caption + " ";
      now.textContent = said.now;
      bars.textContent = "";
      var words = starts.slice(1).reverse().map(function (start) {
        var period = periods[start.key];
        var bar = bars.appendChild(document.createElement("span"));
        if (!period) {
          bar.className = "pb-checklist__unopened";
          return Playbook.t("checklist.nothing_ticked");
        }
        var done = Math.min(Object.keys(period.ticked).filter(function (id) {
          return isTick(period.ticked[id]);
        }).length, period.total);
        bar.style.setProperty("--done", (100 * done) / period.total + "%");
        return Playbook.t("checklist.period_done", { done: done, total: period.total });
      });
      bars.setAttribute("aria-label", Playbook.t("checklist.history_label", { caption: caption.textContent.trim(), periods: words.join(", ") }));
      history.hidden = !starts.slice(1).some(function (start) { return periods[start.key]; });  /* nothing before this one yet */
    };
  }

  /* What the list on show is for, and its history's caption, by how it repeats. */
  function periodWords(repeats, starts) {
    var start = starts[0];
    var day = Playbook.dates.day(start.key, "long-weekday");
    if (repeats === "one-to-one") {
      return {
        now: start.since ? Playbook.t("checklist.now_one_to_one", { day: Playbook.dates.day(start.since, "long-weekday") }) : Playbook.t("checklist.now_first_one_to_one"),
        caption: Playbook.t("checklist.history_one_to_ones", { count: starts.length - 1 })
      };
    }
    if (repeats === "week") return { now: Playbook.t("checklist.now_week", { day: day }), caption: Playbook.t("checklist.history_weeks", { count: KEPT }) };
    if (repeats === "charter-review") {
      /* A review past by more than the week its list runs into (publishing the charter) is said to be past: the
         list starts afresh only once the charter's next review date is set (a VP found May opening on February's
         ticks). */
      var past = Playbook.dates.of(new Date(Date.now() - 7 * 86400000)) > start.key;
      var on = { day: Playbook.dates.day(start.key, "long-weekday") };
      return {
        now: past ? Playbook.t("checklist.now_review_past", on) : Playbook.t("checklist.now_review", on),
        caption: Playbook.t("checklist.history_reviews", { count: starts.length - 1 })
      };
    }
    var dayOff = start.key !== Playbook.dates.of(new Date());
    return { now: dayOff ? Playbook.t("checklist.now_day_off", { day: day }) : day, caption: Playbook.t("checklist.history_days", { count: KEPT }) };
  }

  function checkToday() {
    if (document.visibilityState !== "hidden") {
      document.querySelectorAll("form[data-repeats][data-ready]").forEach(function (form) {
        form.dispatchEvent(new Event("playbook:today"));
      });
    }
    watchMidnight();
  }

  function watchMidnight() {
    clearTimeout(midnight);
    if (document.querySelector("form[data-repeats][data-ready]")) {
      var now = new Date();
      midnight = setTimeout(checkToday, new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1) - now);
    }
  }

  /* A tab left open past midnight, or asleep, moves on when the reader comes back. */
  document.addEventListener("visibilitychange", checkToday);
  window.addEventListener("focus", checkToday);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      checkToday();
    }
  });

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
