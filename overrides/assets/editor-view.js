/* Reader and editor views. Readers see one Edit action per page; a leader who edits the handbook ticks "Show
   editing links" (remembered in this browser) or opens a page with ?edit (to share), and every element with
   the class pb-for-editors shows: beside each item a link to its line in the data, under the page every file
   it is made from. The view is an attribute on <html>, which instant navigation keeps, read by one CSS rule. */
(function (Playbook) {
  "use strict";

  function key() {
    return Playbook.storageKey("view", "editing");
  }

  function remembered() {
    var saved = Playbook.load(key());
    return Boolean(saved && saved.links === true);
  }

  function show(on) {
    document.documentElement.toggleAttribute("data-pb-editing", on);
  }

  /* Save the choice; a full or blocked storage is told in the page's status, and the view still changes. */
  function choose(on, status) {
    show(on);
    Playbook.save(key(), { links: on }, status);
  }

  function init(root) {
    var status = root.querySelector("[data-editor-status]");
    // ?edit is a link a leader shares: it turns the view on and remembers it, as ticking the box does.
    var asked = new URLSearchParams(location.search).has("edit");
    if (asked && !remembered()) choose(true, status);
    show(asked || remembered());
    root.querySelectorAll("[data-editor-switch][hidden]").forEach(function (wrapper) {
      var box = wrapper.querySelector("[data-editor-view]");
      box.checked = document.documentElement.hasAttribute("data-pb-editing");
      box.addEventListener("change", function () {
        choose(box.checked, status);
      });
      wrapper.hidden = false;
    });
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
