/* Activity planner: ActivityPlanner.plan (macros/model.py) redone live, same steps, same rounding. */
(function (Playbook) {
  "use strict";

  function enhance(form) {
    form.dataset.ready = "true";
    var key = Playbook.storageKey("planner", "activity");
    var inputs = form.querySelectorAll("input");
    var rows = form.querySelectorAll("tr[data-stage]");
    var results = form.querySelector("[data-results]");
    var fix = form.querySelector("[data-fix]");
    var timer;

    function update() {
      var value = {};
      var edited = {};
      fix.hidden = true;
      inputs.forEach(function (input) {
        var number = (value[input.name] = input.valueAsNumber);
        var problem = isNaN(number) ? "Enter a number." : number <= 0 ? input.dataset.low : input.max && number > input.max ? input.dataset.high : "";
        document.getElementById(input.getAttribute("aria-describedby")).textContent = problem;
        input.setAttribute("aria-invalid", !!problem);
        if (problem) fix.hidden = false;
        if (input.value !== input.defaultValue) edited[input.name] = input.value;
      });
      results.hidden = !fix.hidden;
      if (results.hidden) return;
      var need = Math.ceil(value.revenue_target / value.average_deal_size);
      for (var i = rows.length - 1; i >= 0; i -= 1) {
        var stage = rows[i].dataset.stage;
        var per = { period: need, week: need / value.weeks_in_period, day: need / (value.weeks_in_period * value.selling_days_per_week) };
        form.querySelectorAll('[data-stage="' + stage + '"] [data-per]').forEach(function (figure) {
          figure.textContent = Math.ceil(per[figure.dataset.per]).toLocaleString("en");
        });
        need = (need * 100) / value[stage];
      }
      Playbook.save(key, edited);
    }

    function changed() {
      update();
      /* One line once typing pauses: the table at each keystroke would drown a screen reader. */
      clearTimeout(timer);
      timer = setTimeout(function () {
        form.querySelector("[role=status]").textContent = (fix.hidden ? results.querySelector("p") : fix).textContent;
      }, 700);
    }

    form.addEventListener("input", changed);
    /* reset fires before the fields change, so recompute after it */
    form.addEventListener("reset", function () {
      setTimeout(changed);
    });
    var saved = Playbook.load(key) || {};
    inputs.forEach(function (input) {
      input.value = typeof saved[input.name] === "string" ? saved[input.name] : input.defaultValue;
    });
    update();
  }

  Playbook.widgets.push({
    init: function (root) {
      root.querySelectorAll("form[data-planner]:not([data-ready])").forEach(enhance);
    },
  });
})((window.Playbook = window.Playbook || { widgets: [] }));
