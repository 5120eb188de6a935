/* Decision helper: totals the ticked signals' weights per mode and reveals the server-rendered result, which
   decision.css keeps in view (beside the signals, or a sticky summary on a phone); the result copies as text
   and prints on its own. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-decision]:not([data-ready])").forEach(enhance);
  }

  /* Each mode's total weight and the outcome: "none" before any tick, "context" while only signals about the
     moment are ticked, "tie" when the top total is shared, "circumstance" while a cause outside the rep is. A
     mode a ticked signal rules out (data-rules-out) cannot win, whatever its total; the signal's own mode then
     has a total, so there is always one that can. Nor can a mode `needs` names (data-only-with) while none of
     its signals there is ticked: "needs-<mode>" when it alone has a total. */
  function score(boxes, needs) {
    var totals = {}, ticked = {}, ruledOut = {}, short = {}, aside = false;
    boxes.forEach(function (box) {
      /* a cause outside the rep (data-circumstance) sets the modes aside: deal with it first */
      if (box.hasAttribute("data-circumstance")) {
        if (box.checked) ticked[box.dataset.signal] = box.dataset.fingerprint;
        aside = aside || box.checked;
        return;
      }
      var mode = box.dataset.mode;
      totals[mode] = (totals[mode] || 0) + (box.checked ? +box.dataset.weight : 0);
      if (!box.checked) return;
      ticked[box.dataset.signal] = box.dataset.fingerprint;
      (box.dataset.rulesOut || "").split(" ").filter(Boolean).forEach(function (out) { ruledOut[out] = true; });
    });
    Object.keys(needs).forEach(function (mode) {
      if (!ruledOut[mode] && !needs[mode].some(function (signal) { return ticked[signal]; })) short[mode] = true;
    });
    var open = Object.keys(totals).filter(function (mode) { return !ruledOut[mode] && !short[mode]; });
    var top = Math.max.apply(null, open.map(function (mode) { return totals[mode]; }));
    var leaders = open.filter(function (mode) { return totals[mode] === top; });
    /* A signal about the moment (data-context) weighs, but no recommendation rests on timing alone: a signal
       about the rep counts here only for a mode still in the running. */
    var aboutTheRep = Array.prototype.some.call(boxes, function (box) { return box.checked && !box.hasAttribute("data-context") && open.indexOf(box.dataset.mode) !== -1; });
    var needing = Object.keys(short).filter(function (mode) { return totals[mode] > 0; })[0];
    /* Two ticked signals that can't both be true (data-contradicts, either way round): no recommendation rests on
       them until one is unticked (a sales VP ticked "the calls show they don't know how" beside "the calls don't
       explain it", and was told to push). */
    var clash = [];
    boxes.forEach(function (box) {
      if (!box.checked || clash.length) return;
      (box.dataset.contradicts || "").split(" ").filter(Boolean).forEach(function (other) {
        if (ticked[other] && !clash.length) clash = [box.dataset.signal, other];
      });
    });
    var outcome = clash.length ? "contradiction" : aside ? "circumstance" : top && aboutTheRep ? (leaders[1] ? "tie" : leaders[0]) : needing ? "needs-" + needing : !top ? "none" : "context";
    /* The question bank's situations the advice rests on: those of the advised mode's ticked signals, so the 1:1
       planner asks a top seller pushed on a slipping deal about the deal, not about prospecting. */
    var situations = [];
    boxes.forEach(function (box) {
      var situation = box.dataset.situation;
      if (box.checked && box.dataset.mode === outcome && situation && situations.indexOf(situation) < 0) situations.push(situation);
    });
    return { totals: totals, ticked: ticked, ruledOut: ruledOut, short: short, top: top, outcome: outcome, situations: situations, clash: clash };
  }

  /* The shown result as plain text for notes or an email: a line per heading and paragraph, "- " per item. */
  function asText(section) {
    return [].filter.call(section.querySelectorAll("h3, h4, p, li"), function (el) {
      return !el.closest("[hidden]");
    }).map(function (el) {
      var text = el.textContent.replace(/\s+/g, " ").trim();
      return el.tagName === "LI" ? "- " + text : el.tagName === "H4" ? "\n" + text : text;
    }).join("\n");
  }

  /* Print the helper alone (the ticked signals and the result), not the whole page. */
  function printAlone() {
    var root = document.documentElement;
    root.dataset.printAlone = "decision";
    window.addEventListener("afterprint", function () { delete root.dataset.printAlone; }, { once: true });
    window.print();
  }

  /* The ticks the chosen rep has, {ticked, date}: the reader's own under the key they always had (no date), a rep's
     latest record, dated. */
  function savedTicks(form, key) {
    var ws = Playbook.workspace;
    var saved = ws.current() === "me" ? Playbook.load(key) : null;
    var date = null;
    if (!saved) {
      var last = ws.latest({ kind: "decision", tool: form.dataset.decision });
      saved = last && last.data;
      date = last && last.date;
    }
    return { ticked: saved && saved.ticked && typeof saved.ticked === "object" ? saved.ticked : {}, date: date };
  }

  /* Under the signals: the day a rep's ticks were saved, and once older than the weeks the 1:1 planner uses advice
     for (data/rhythm.yml's advice_lasts_weeks), that it no longer does, so the two pages agree (a manager found
     a month-old "Coach" here while the planner had dropped it). */
  function sayWhen(form, date) {
    var line = form.querySelector("[data-saved]");
    var weeks = Number(form.dataset.adviceWeeks);
    var old = date && Playbook.dates.number(Playbook.workspace.today()) - Playbook.dates.number(date) > weeks * 7;
    line.hidden = !date;
    line.textContent = !date ? "" : old ? Playbook.t("decision.saved_lapsed", { day: Playbook.dates.day(date, "weekday"), count: weeks })
      : Playbook.t("decision.saved_on", { day: Playbook.dates.day(date, "weekday") });
  }

  /* A signal reworded since it was ticked: not ticked, not counted, and said so beside it until ticked again. */
  function markChanged(box, changed) {
    Playbook.workspace.markChanged(box, changed && Playbook.t("decision.changed"), "pb-decision__changed");
  }

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("decision", form.dataset.decision);
    var boxes = form.querySelectorAll("input[data-signal]");
    /* mode → the signals one of which it needs (data/dilemma.yml's only_with) */
    var needs = {};
    form.querySelectorAll("[data-only-with]").forEach(function (line) { needs[line.dataset.onlyWith] = line.dataset.signals.split(" "); });
    var copyStatus = form.querySelector("[data-copy-status]");
    var tool = Playbook.workspace.attach(form, load);
    var removed = document.createElement("p");
    removed.className = "pb-decision__removed";
    form.querySelector(".pb-decision__reset").parentNode.before(removed);
    var stale;
    form.querySelector("[data-result]").hidden = false;

    /* Ticks saved as the signal's fingerprint (true from before fingerprints is taken as it is). */
    function load() {
      var found = savedTicks(form, key);
      var saved = found.ticked;
      sayWhen(form, Object.keys(saved).length ? found.date : null);
      stale = {};
      boxes.forEach(function (box) {
        var mark = saved[box.dataset.signal];
        var changed = typeof mark === "string" && mark !== box.dataset.fingerprint;
        box.checked = mark === true || mark === box.dataset.fingerprint;
        if (changed) stale[box.dataset.signal] = mark;
        markChanged(box, changed);
      });
      var gone = Object.keys(saved).filter(function (id) { return saved[id] && !form.querySelector('input[data-signal="' + CSS.escape(id) + '"]'); }).length;
      removed.textContent = gone ? Playbook.t("decision.gone", { count: gone }) : "";
      removed.hidden = !gone;
      update(false, false);
    }

    /* The reader's own ticks under their key; a rep's (and the reader's, once changed) as a dated record. */
    function save(now, byReader) {
      var ticked = {};
      Object.keys(stale).forEach(function (id) { ticked[id] = stale[id]; });
      Object.keys(now.ticked).forEach(function (id) { ticked[id] = now.ticked[id]; });
      if (Playbook.workspace.current() === "me" && !tool.save(key, { ticked: ticked })) return;
      if (byReader) tool.record("decision", form.dataset.decision, { ticked: ticked, outcome: now.outcome, totals: now.totals, situations: now.situations });
      if (byReader && Playbook.workspace.current() !== "me") sayWhen(form, Object.keys(now.ticked).length ? Playbook.workspace.today() : null);
    }

    function each(selector, action) {
      form.querySelectorAll(selector).forEach(action);
    }

    function shown() {
      return form.querySelector("[data-outcome]:not([hidden])");
    }

    function update(announce, byReader) {
      var now = score(boxes, needs), totals = now.totals, outcome = now.outcome;
      each("[data-total]", function (el) { el.textContent = totals[el.dataset.total]; });
      each("[data-reason]", function (el) { el.hidden = !now.ticked[el.dataset.reason]; });
      each("[data-advice-for]", function (el) { el.hidden = !now.ticked[el.dataset.adviceFor]; });
      /* Totals shown: the tied modes under a tie, the other modes ticked under a winner. */
      each("[data-line]", function (el) {
        var total = totals[el.dataset.line];
        el.hidden = outcome === "tie" ? total !== now.top || !!now.ruledOut[el.dataset.line] || !!now.short[el.dataset.line] : !total;
      });
      /* Written in, not hidden: the result is copied as text, and hidden words would go with it. */
      each("[data-ruled-out]", function (el) {
        var mode = el.dataset.ruledOut;
        el.textContent = now.ruledOut[mode] ? Playbook.t("decision.ruled_out") : now.short[mode] ? Playbook.t("decision.not_without") : "";
      });
      each("[data-others]", function (el) { el.hidden = !el.querySelector("[data-line]:not([hidden])"); });
      each("[data-tied]", function (el) {
        var mode = el.dataset.tied;
        el.hidden = outcome !== "tie" || totals[mode] !== now.top || !!now.ruledOut[mode] || !!now.short[mode];
      });
      each("[data-outcome]", function (el) { el.hidden = el.dataset.outcome !== outcome; });
      /* beside a cause outside the rep, the other signals ticked, named, each with what still needs doing about it
         (the first data-beside naming it, else the one naming none), so none is dropped in silence */
      each("[data-also]", function (el) {
        var others = Array.prototype.filter.call(boxes, function (box) { return box.checked && box.dataset.mode; });
        el.hidden = !others.length;
        var list = el.querySelector("[data-also-list]");
        var besides = Array.prototype.slice.call(el.querySelectorAll("[data-beside]"));
        list.textContent = "";
        others.forEach(function (box) {
          var li = list.appendChild(document.createElement("li"));
          var beside = besides.filter(function (p) { return p.dataset.beside.split(" ").indexOf(box.dataset.signal) >= 0; })[0] || besides.filter(function (p) { return !p.dataset.beside; })[0];
          var said = document.createElement("span");
          said.className = "pb-decision__beside";
          beside.childNodes.forEach(function (node) { said.appendChild(node.cloneNode(true)); });
          li.append(form.querySelector('label[for="' + CSS.escape(box.id) + '"]').textContent, " ", said);
        });
      });
      each("[data-clash]", function (el) {
        el.textContent = "";
        now.clash.forEach(function (id) {
          el.appendChild(document.createElement("li")).textContent = form.querySelector('label[for="decide-' + CSS.escape(id) + '"]').textContent;
        });
      });
      /* The questions for each situation the advice rests on, where ticked signals name any (a new rep with a
         late deal gets the deal's and the new rep's); else the mode's. */
      each("[data-outcome] [data-questions-for]", function (el) {
        var lists = el.parentNode.querySelectorAll(":scope > [data-questions-for]");
        var wanted = now.situations.filter(function (id) { return el.parentNode.querySelector(':scope > [data-questions-for="' + CSS.escape(id) + '"]'); });
        el.hidden = lists.length > 1 && (wanted.length ? wanted.indexOf(el.dataset.questionsFor) < 0 : el.dataset.questionsFor !== "");
      });
      each("[data-summary], [data-actions]", function (el) { el.hidden = outcome === "none"; });
      form.querySelector("[data-summary-headline]").textContent = shown().querySelector("[data-headline]").textContent;
      copyStatus.textContent = "";
      /* Announce the headline, not the whole result, and not on page load. */
      if (announce) {
        var parts = shown().querySelectorAll("[data-headline], [data-line]:not([hidden])");
        form.querySelector("[data-status]").textContent = [].map.call(parts, function (el) { return el.textContent; }).join(". ");
      }
      save(now, byReader);
    }

    form.querySelector("[data-copy]").addEventListener("click", function () {
      Playbook.copy(asText(shown()), copyStatus);
    });
    form.querySelector("[data-print-result]").addEventListener("click", printAlone);
    /* The summary's link goes to the result itself, and focus there lets a keyboard or screen-reader user carry
       on from the result. Material's instant navigation must not see the click: the first same-page link it
       takes fetches the page again and replaces it, focus and scroll with it. */
    form.querySelector("[data-summary]").addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();
      var result = form.querySelector("[data-result]");
      result.scrollIntoView({ block: "start" });
      result.focus({ preventScroll: true });
    });
    form.addEventListener("change", function (event) {
      if (event.target.dataset.signal) {
        delete stale[event.target.dataset.signal];
        markChanged(event.target, false);
      }
      update(true, true);
    });
    /* "reset" fires before the boxes are cleared. */
    form.addEventListener("reset", function () {
      stale = {};
      boxes.forEach(function (box) { markChanged(box, false); });
      setTimeout(update, 0, true, true);
    });
    load();
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
