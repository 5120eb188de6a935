/* Question bank explorer: filters the list the page shows; the URL keeps the selection. */
(function (Playbook) {
  "use strict";

  function init(root) {
    root.querySelectorAll("form[data-explorer]:not([data-ready])").forEach(enhance);
  }

  function enhance(form) {
    form.dataset.ready = "true";
    const { search } = form.elements;
    const filters = [...form.querySelectorAll("select")];
    const status = form.querySelector("[data-status]");
    const random = form.querySelector("[data-random]");
    const questions = [...document.querySelectorAll("li.pb-question")];
    const fields = [...filters, search];
    const shown = () => questions.filter((li) => !li.hidden);
    // Each stage once, with its heading and its entries in the page's table of contents (which lists only the
    // stages on show): found here, not at every filter change for each question, which searched the page 100 times.
    const stages = [...new Set(questions.map((li) => li.dataset.stage))].map((id) => ({
      heading: document.getElementById("stage-" + id),
      stage: questions.find((li) => li.dataset.stage === id).closest(".pb-stage"),
      contents: [...document.querySelectorAll(`.md-nav--secondary a[href$="#stage-${id}"]`)].map((link) => link.parentElement),
    }));

    // A manager searches by the names the filters offer too ("deal at risk", "commit", "order taker"): the
    // names of the question's stage, situations, modes and levels, read from the filters' own options (once
    // per filter, not once per question: reading every option for each of 100 questions was most of the setup).
    const names = filters.map((f) => new Map([...f.options].filter((o) => o.value).map((o) => [o.value, o.textContent])));
    function namesOf(li) {
      return filters.flatMap((f, i) => li.dataset[f.dataset.match].split(" ").filter((value) => names[i].has(value)).map((value) => names[i].get(value)));
    }

    // Joining words a manager types between the things looked for ("skill vs will") are left out of the search.
    const ignored = new Set(Playbook.t("explorer.ignored_words").toLowerCase().split(/\s+/));

    // The count is said once typing pauses: at each keystroke it talked over the reader's own typing (a
    // screen-reader reviewer); a filter chosen is said at once.
    let pause;
    function update(typing) {
      const words = search.value.toLowerCase().split(/\s+/).filter((word) => !ignored.has(word));
      for (const li of questions) {
        li.hidden = !filters.every((f) => !f.value || li.dataset[f.dataset.match].split(" ").includes(f.value)) ||
          !words.every((word) => li.searchText.includes(word));
      }
      for (const { heading, stage, contents } of stages) {
        const empty = !stage.querySelector("li:not([hidden])");
        heading.hidden = stage.hidden = empty;
        for (const item of contents) item.hidden = empty;
      }
      const count = shown().length;
      random.disabled = !count;
      const said = count ? Playbook.t("explorer.showing", { shown: count, total: questions.length }) : Playbook.t("explorer.none");
      clearTimeout(pause);
      if (typing) pause = setTimeout(() => { status.textContent = said; }, 700);
      else status.textContent = said;
    }

    // replace, not push: Back leaves the page
    function remember(event) {
      const params = new URLSearchParams(location.search);
      for (const field of fields) field.value ? params.set(field.name, field.value) : params.delete(field.name);
      history.replaceState(history.state, "", location.pathname + ("" + params).replace(/^./, "?$&") + location.hash);
      update(Boolean(event) && event.target === search);
    }

    // Each question's Copy button (question.html): its name says which question (a screen reader lists 100 of
    // them), and "Copied." appears in the status beside the button pressed, where the reader is looking; the
    // last one clears.
    let lastCopied = null;
    function enableCopy(li) {
      const question = li.querySelector(".pb-question__text").textContent.trim();
      const button = li.querySelector("[data-copy-question]");
      const done = li.querySelector(".pb-copy-status");
      button.setAttribute("aria-label", Playbook.t("explorer.copy_label", { question: Playbook.firstWords(question) }));
      button.addEventListener("click", () => {
        if (lastCopied) lastCopied.textContent = "";
        lastCopied = done;
        Playbook.copy(question, done);
      });
    }

    for (const li of questions) {
      li.searchText = [...li.querySelectorAll("p:not(.pb-tags)")].map((p) => p.textContent).concat(namesOf(li)).join(" ").toLowerCase();
      enableCopy(li);
    }
    const params = new URLSearchParams(location.search);
    for (const field of fields) {
      field.value = params.get(field.name) || "";
      if (field.selectedIndex < 0) field.value = "";
    }
    form.addEventListener("input", remember);
    form.onsubmit = () => false;
    form.querySelector("[data-clear]").addEventListener("click", () => {
      form.reset();
      remember();
    });
    random.addEventListener("click", () => {
      const li = shown()[Math.floor(Math.random() * shown().length)];
      li.tabIndex = -1;
      li.focus();
      li.scrollIntoView({ block: "center" });
    });
    update();
    form.hidden = false;
  }

  Playbook.widgets.push({ init: init });
})((window.Playbook = window.Playbook || { widgets: [] }));
