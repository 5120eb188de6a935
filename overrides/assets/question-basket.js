/* The question basket: the questions chosen for the current rep's next 1:1, kept under
   Playbook.workspace.draftKey(rep) as {version: 1, questions: [questionId]}, and an "Add to 1:1" button on
   every question of the question bank (one click adds, a second removes). The 1:1 planner (one-to-one.js)
   reads and changes the same list through Playbook.basket. Only the bank's questions (with a stage) get the
   button: the deal review's questions are another list. */
(function (Playbook) {
  "use strict";

  var MOST = 100;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* The rep's chosen question ids, in the order added; anything malformed in storage is left out. */
  function questions(rep) {
    var stored = Playbook.load(Playbook.workspace.draftKey(rep));
    if (!stored || stored.version !== 1 || !Array.isArray(stored.questions)) return [];
    return stored.questions.filter(function (id, i, all) {
      return typeof id === "string" && ID.test(id) && all.indexOf(id) === i;
    }).slice(0, MOST);
  }

  /* Stores the rep's list: true, or false with the reason in `status`. */
  function store(rep, ids, status) {
    if (ids.length > MOST) {
      if (status) status.textContent = "A 1:1 agenda holds at most " + MOST + " questions: remove some first.";
      return false;
    }
    return Playbook.save(Playbook.workspace.draftKey(rep), { version: 1, questions: ids }, status);
  }

  /* Adds the question, or removes it when it is already in: true when stored. */
  function toggle(rep, id, status) {
    var ids = questions(rep);
    var at = ids.indexOf(id);
    if (at < 0) ids.push(id);
    else ids.splice(at, 1);
    return store(rep, ids, status);
  }

  function whose(rep) {
    return rep === "me" ? "your 1:1" : "the 1:1 with " + Playbook.workspace.name(rep);
  }

  function show(button, added) {
    button.setAttribute("aria-pressed", String(added));
    button.textContent = added ? "Added to 1:1" : "Add to 1:1";
  }

  function refresh(buttons) {
    var chosen = questions(Playbook.workspace.current());
    buttons.forEach(function (button) { show(button, chosen.indexOf(button.dataset.basketAdd) >= 0); });
  }

  function enhance(items) {
    var status = document.createElement("p");
    status.className = "pb-visually-hidden";
    status.setAttribute("role", "status");
    items[0].parentNode.parentNode.insertBefore(status, items[0].parentNode);
    var buttons = items.map(function (item) {
      item.dataset.basketReady = "true";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button pb-basket__add";
      button.dataset.basketAdd = item.id;
      item.querySelector(".pb-tags").append(" ", button);
      button.addEventListener("click", function () {
        var rep = Playbook.workspace.current();
        if (!toggle(rep, item.id, status)) return;
        var added = questions(rep).indexOf(item.id) >= 0;
        show(button, added);
        status.textContent = (added ? "Added to " : "Removed from ") + whose(rep) + ": " + questions(rep).length + " questions chosen.";
      });
      return button;
    });
    refresh(buttons);
    Playbook.workspace.attach(status, function () { refresh(buttons); }, status);
  }

  Playbook.basket = { questions: questions, toggle: toggle, store: store };

  Playbook.widgets.push({
    init: function (root) {
      var items = Array.prototype.slice.call(root.querySelectorAll("li.pb-question[data-stage]:not([data-basket-ready])"));
      if (items.length) enhance(items);
    }
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
