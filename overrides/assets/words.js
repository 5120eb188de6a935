/* Playbook.t(key, values): the tools' words in the page's language, from data/strings.yml or its translation.
   The build writes the words each script file asks for at its top (macros/bundles.py), after this code, so
   every file brings its own; a key's words are text, or a form per plural category, picked for values.count
   by the page language's rules (Intl.PluralRules). Words in {braces} are filled from `values`, numbers
   written the page language's way ("1,200" or "1.200"). The result is text: callers set textContent. */
(function (Playbook) {
  "use strict";

  if (Playbook.t) return;
  var table = Object.create(null);
  var plurals, numbers;

  function language() {
    return document.documentElement.lang || undefined;
  }

  Playbook.addWords = function (words) {
    Object.keys(words).forEach(function (key) { table[key] = words[key]; });
  };

  /* Names joined as the page's language lists them: "A, B and C", "A, B und C" (Intl.ListFormat). */
  Playbook.list = function (names) {
    try {
      return new Intl.ListFormat(language(), { type: "conjunction" }).format(names);
    } catch (error) {
      return names.join(", ");
    }
  };

  /* A question's first eight words (and "…" when there are more): enough to name a button beside it, of a
     hundred alike ("Copy question: …", "Add to 1:1: …"), for a screen reader's list of buttons. */
  Playbook.firstWords = function (text) {
    var words = text.trim().split(/\s+/);
    return words.slice(0, 8).join(" ") + (words.length > 8 ? "…" : "");
  };

  /* A sentence quoted inside another that goes on after it ("…the next step": Done): without its own full stop. */
  Playbook.inSentence = function (text) {
    return text.replace(/([^.])\.$/, "$1");
  };

  Playbook.t = function (key, values) {
    var words = table[key];
    values = values || {};
    if (words === undefined) return key;
    if (typeof words === "object") {
      plurals = plurals || new Intl.PluralRules(language());
      words = words[plurals.select(values.count)] || words.other;
    }
    /* A value ending in an abbreviation's full stop ("9. Dez.") takes the place of the sentence's own. */
    return words.replace(/\{([a-z_]+)\}(\.?)/g, function (whole, name, stop) {
      var value = values[name];
      if (typeof value === "number") {
        numbers = numbers || new Intl.NumberFormat(language());
        return numbers.format(value) + stop;
      }
      if (value === undefined) return whole;
      value = String(value);
      return value + (/\.$/.test(value) ? "" : stop);
    });
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
