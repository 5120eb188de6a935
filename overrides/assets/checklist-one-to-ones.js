/* For a checklist done before each 1:1 (data-repeats "one-to-one", checklist.js's prepTicks): the days the 1:1s
   of the rep whose answers are shown were held, up to `today`, by the one rule of what a held 1:1 is
   (Playbook.commitments); loaded only on a page with such a list. */
(function (Playbook) {
  "use strict";

  Playbook.checklistOneToOnes = function (today) {
    return Playbook.commitments.heldUpTo(Playbook.workspace.records({ kind: "one-to-one" }), today);
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
