/* On an observation form (the ride-along), what the chosen rep's latest complete level result left blank as not
   come up in the account (its not_come_up): that result asks for each to be checked when it next comes up, so
   the manager sees them before the call. Shown only for a rep with such a result; read defensively, as a record
   may come from an imported file. */
(function (Playbook) {
  "use strict";

  Playbook.assessmentToCheck = function (form) {
    var box = form.querySelector("[data-level-to-check]");

    function latestResult(rep) {
      var found = Playbook.workspace.records({ rep: rep, kind: "assessment", tool: box.dataset.levelToCheck }).filter(function (record) {
        var result = record.data && record.data.result;
        return result && typeof result === "object" && result.complete === true;
      });
      return found.length ? found[found.length - 1] : null;
    }

    return {
      /* The list for `rep` (a workspace rep's id), or none. */
      show: function (rep) {
        if (!box) return;
        var record = rep && rep !== "me" ? latestResult(rep) : null;
        var listed = record && Array.isArray(record.data.result.not_come_up) ? record.data.result.not_come_up : [];
        var texts = listed.filter(function (item) { return item && typeof item.text === "string"; }).map(function (item) { return item.text; });
        var list = box.querySelector("ul");
        list.textContent = "";
        box.hidden = !texts.length;
        if (!texts.length) return;
        box.querySelector("[data-level-to-check-intro]").textContent = Playbook.t("assessment.to_check", {
          rep: Playbook.workspace.name(rep), day: Playbook.dates.day(record.date, "long"), rating: Playbook.levelRating.describe(record.data.result)
        });
        texts.forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          list.append(li);
        });
      }
    };
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
