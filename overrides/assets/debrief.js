/* A debrief template typed into on screen (section[data-debrief], on the debriefs and role-play pages): what is
   typed is kept in this tab only (sessionStorage), so following a link and coming back, or a reload, loses
   nothing, and it is gone when the tab closes (customers' words don't stay in the browser for good); the answers
   copy as text for the deal's CRM record, and clear. A template at the end of a scored form is that form's, and
   saved with it (assessment-notes.js). */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("section[data-debrief]:not([data-ready])").forEach(enhance);
  }

  function read(key) {
    try {
      var saved = JSON.parse(sessionStorage.getItem(key) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (error) {
      return {};
    }
  }

  function enhance(section) {
    section.dataset.ready = "true";
    var key = Playbook.storageKey("debrief", location.pathname + "#" + section.dataset.debrief);
    var boxes = Array.prototype.slice.call(section.querySelectorAll(".pb-write-in__box"));
    var status = section.querySelector("[data-debrief-status]");
    var saved = read(key);
    boxes.forEach(function (box) {
      if (typeof saved[box.id] === "string") box.value = saved[box.id];
    });

    function keep() {
      var typed = {};
      boxes.forEach(function (box) { if (box.value) typed[box.id] = box.value; });
      try {
        if (Object.keys(typed).length) sessionStorage.setItem(key, JSON.stringify(typed));
        else sessionStorage.removeItem(key);
      } catch (error) { /* a full or blocked store: the boxes still hold the text */ }
    }

    section.addEventListener("input", keep);
    section.querySelector("[data-debrief-copy]").addEventListener("click", function () {
      var lines = [section.getAttribute("aria-label")];
      boxes.forEach(function (box) {
        if (!box.value.trim()) return;
        lines.push("", box.labels[0].textContent.trim().replace(/\s+/g, " "), box.value.trim());
      });
      if (lines.length === 1) {
        status.textContent = Playbook.t("debriefs.nothing_to_copy");
        return;
      }
      Playbook.copy(lines.join("\n"), status);
    });
    section.querySelector("[data-debrief-clear]").addEventListener("click", function () {
      if (!boxes.some(function (box) { return box.value; })) {
        status.textContent = Playbook.t("debriefs.nothing_to_copy");
        return;
      }
      if (!window.confirm(Playbook.t("debriefs.clear_confirm"))) return;
      boxes.forEach(function (box) { box.value = ""; });
      keep();
      status.textContent = Playbook.t("debriefs.cleared");
      boxes[0].focus();
    });
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
