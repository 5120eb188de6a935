/* The question basket: the questions chosen for the current rep's next 1:1, kept under
   Playbook.workspace.draftKey(rep) as {version: 2, questions: [{id, fingerprint, text, added}]}: each
   question's id with the fingerprint and wording it had when added, so the planner can say a leader has
   reworded it since, or name it once it has left the bank, and the day it was added, so a 1:1 recorded as held
   takes only the questions chosen by its day (version 1 lists held ids only, read as entries with none). An
   "Add to 1:1" button on every question of the question bank (question.html; one click adds, a second removes); the 1:1
   planner (one-to-one.js) reads and changes the same list through Playbook.basket. Only the bank's questions
   (with a stage) get the button: the deal review's questions are another list. */
(function (Playbook) {
  "use strict";

  var MOST = 100;
  var TEXT_MOST = 1000;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var FINGERPRINT = /^[0-9a-f]{10}$/;
  var DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  /* A stored entry as {id, fingerprint, text, added} (null for what it doesn't say), or null when malformed. */
  function entry(value) {
    if (typeof value === "string") value = { id: value };
    if (!value || typeof value !== "object" || typeof value.id !== "string" || !ID.test(value.id)) return null;
    return {
      id: value.id,
      fingerprint: typeof value.fingerprint === "string" && FINGERPRINT.test(value.fingerprint) ? value.fingerprint : null,
      text: typeof value.text === "string" && value.text ? value.text.slice(0, TEXT_MOST) : null,
      added: typeof value.added === "string" && DAY.test(value.added) ? value.added : null
    };
  }

  /* The rep's chosen questions, in the order added; anything malformed in storage is left out. */
  function entries(rep) {
    var stored = Playbook.load(Playbook.workspace.draftKey(rep));
    if (!stored || (stored.version !== 1 && stored.version !== 2) || !Array.isArray(stored.questions)) return [];
    var ids = [];
    return stored.questions.map(entry).filter(function (item) {
      if (!item || ids.indexOf(item.id) >= 0) return false;
      ids.push(item.id);
      return true;
    }).slice(0, MOST);
  }

  function questions(rep) {
    return entries(rep).map(function (item) { return item.id; });
  }

  /* Stores the rep's list: true, or false with the reason in `status`. */
  function store(rep, list, status) {
    if (list.length > MOST) {
      if (status) status.textContent = Playbook.t("question_basket.too_many", { most: MOST });
      return false;
    }
    return Playbook.save(Playbook.workspace.draftKey(rep), { version: 2, questions: list.map(entry) }, status);
  }

  /* Adds `question` ({id, fingerprint, text} as the page shows it now) as of today, or removes it when it is
     already in; `keep` instead puts its present wording and fingerprint in place of those it was added with.
     True when stored. */
  function change(rep, question, status, keep) {
    var list = entries(rep);
    var at = questions(rep).indexOf(question.id);
    if (at < 0) list.push({ id: question.id, fingerprint: question.fingerprint, text: question.text, added: Playbook.workspace.today() });
    else if (keep) list[at] = { id: question.id, fingerprint: question.fingerprint, text: question.text, added: list[at].added };
    else list.splice(at, 1);
    return store(rep, list, status);
  }

  function toggle(rep, question, status) {
    return change(rep, question, status, false);
  }

  function keep(rep, question, status) {
    return change(rep, question, status, true);
  }

  /* What the status says once a question is added or removed: whose 1:1, and how many questions it has. */
  function said(rep, added) {
    var values = { name: Playbook.workspace.name(rep), count: questions(rep).length };
    if (rep === "me") return added ? Playbook.t("question_basket.added_yours", values) : Playbook.t("question_basket.removed_yours", values);
    return added ? Playbook.t("question_basket.added_with", values) : Playbook.t("question_basket.removed_with", values);
  }

  /* Only what differs is written: the page comes with every button "Add to 1:1" (question.html). */
  function show(button, added) {
    if (button.getAttribute("aria-pressed") === String(added)) return;
    button.setAttribute("aria-pressed", String(added));
    button.textContent = added ? Playbook.t("question_basket.added") : Playbook.t("question_basket.add");
    named(button);
  }

  /* A button's name: its words as shown, then its question's first words, so 160 of them are told apart and a
     voice-control user can say what they see (a screen-reader reviewer; WCAG 2.5.3). */
  function named(button) {
    button.setAttribute("aria-label", Playbook.t("question_basket.add_label", { action: button.textContent, question: button.dataset.question }));
  }

  /* Whose 1:1 a question goes on: the rep chosen last on any tool, as the line at the foot of the screen says. */
  function whose(rep) {
    return rep === "me" ? Playbook.t("question_basket.whose_yours") : Playbook.t("question_basket.whose_rep", { name: Playbook.workspace.name(rep) });
  }

  function refresh(buttons, status) {
    var rep = Playbook.workspace.current();
    var chosen = questions(rep);
    buttons.forEach(function (button) { show(button, chosen.indexOf(button.dataset.basketAdd) >= 0); });
    status.textContent = whose(rep);
  }

  /* The line saying whose 1:1 the buttons add to, and then what a click did, stays in view at the foot of the
     screen while the reader scrolls a long list of questions. */
  function enhance(items) {
    var status = document.createElement("p");
    status.className = "pb-basket__whose";
    status.setAttribute("role", "status");
    /* (one level down on a page a language's site shows untranslated, in its [lang] block: main.html) */
    var first = items[0].closest(".md-content__inner > :not([lang]), .md-content__inner > [lang] > *") || items[0].parentNode;
    first.parentNode.insertBefore(status, first);
    /* its height, wrapped on a phone, keeps what has the focus above it (one-to-one.css) */
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--pb-whose-height", status.offsetHeight + "px");
    }).observe(status);
    var buttons = items.map(function (item) {
      item.dataset.basketReady = "true";
      var button = item.querySelector("[data-basket-add]");
      button.dataset.question = Playbook.firstWords(item.querySelector(".pb-question__text").textContent);
      named(button);
      button.addEventListener("click", function () {
        var rep = Playbook.workspace.current();
        var question = { id: item.id, fingerprint: item.dataset.fingerprint, text: item.querySelector(".pb-question__text").textContent.trim() };
        if (!toggle(rep, question, status)) return;
        var added = questions(rep).indexOf(item.id) >= 0;
        show(button, added);
        status.textContent = said(rep, added);
      });
      return button;
    });
    refresh(buttons, status);
    Playbook.workspace.attach(status, function () { refresh(buttons, status); }, status);
  }

  Playbook.basket = { entries: entries, questions: questions, toggle: toggle, keep: keep, store: store };

  Playbook.widgets.push({
    init: function (root) {
      var items = Array.prototype.slice.call(root.querySelectorAll("li.pb-question[data-stage]:not([data-basket-ready])"));
      if (items.length) enhance(items);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
