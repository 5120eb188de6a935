/* Playbook widgets bootstrap, loaded after the widgets: shared storage helpers, then every registered
   widget's init(root) on every page material shows, including pages reached by instant navigation. */
(function () {
  "use strict";
  var Playbook = (window.Playbook = window.Playbook || { widgets: [] });

  /* The address of this site's top folder: the folder of the header's logo link, to the home page. Material
     reads its page config (`__config`, whose `base` is relative to the page) once, on the page the browser
     loaded, and keeps it through instant navigation, so on a page reached at another depth that base leads
     elsewhere (a manager starting at the home page found no saved reps in the 1:1 planner); the logo link is
     swapped in with every page. */
  function siteTop() {
    var logo = document.querySelector("a[data-md-component=logo]");
    if (logo) return new URL(".", logo.href);
    /* A page without material's header (a theme partial changed, say): the config is all there is. */
    var config = document.getElementById("__config");
    var base = (config && JSON.parse(config.textContent).base) || ".";
    return new URL(base.replace(/\/$/, "") + "/", location.href);
  }

  /* A storage key unique to this site (origin + site root), so two handbooks on one host never mix. The root
     is worked out once for each page shown: tools ask for keys many times as they open. */
  var storage = { page: null, prefix: "" };
  Playbook.storageKey = function (kind, id) {
    if (storage.page !== location.href) {
      /* A language's site sits in a folder of its team's (site/de/): the answers are the team's, in any
         language. */
      var shared = document.querySelector('meta[name="playbook-storage-root"]');
      var root = new URL(shared ? shared.content : "", siteTop());
      storage = { page: location.href, prefix: "playbook:v1:" + root.origin + root.pathname + ":" };
    }
    return storage.prefix + kind + ":" + id;
  };

  /* Parsed JSON from localStorage, or null when missing, corrupt or unavailable. */
  Playbook.load = function (key) {
    try {
      var value = JSON.parse(localStorage.getItem(key));
      return value && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch (error) {
      return null;
    }
  };

  /* Why storage refused a write, in the reader's words: full, or blocked (private browsing, a policy). */
  Playbook.storageProblem = function (error) {
    var full = error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22);
    return full
      ? Playbook.t("page.storage_full")
      : Playbook.t("page.storage_blocked");
  };

  /* Store `value` as JSON: true when stored. When not, the reader is told in `status` (an aria-live element),
     never left to find out later; the widget still works for this visit. */
  Playbook.save = function (key, value, status) {
    try {
      var text = JSON.stringify(value);
      /* Tools save what they show as they open: what is kept already is not written again. */
      if (localStorage.getItem(key) !== text) localStorage.setItem(key, text);
      return true;
    } catch (error) {
      if (status) status.textContent = Playbook.storageProblem(error);
      return false;
    }
  };

  /* A name as part of a downloaded file's name: letters and digits, the rest as hyphens, accents and umlauts
     written out ("Jürgen Müller" → "juergen-mueller", "Zoë" → "zoe", "Søren Łukasz" → "soren-lukasz"), however
     the name's letters were stored; `fallback` for a name with none left. */
  var SPELLED_OUT = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th" };
  Playbook.fileSlug = function (text, fallback) {
    var plain = text.normalize("NFC").toLowerCase().replace(/[äöüßæœøłđðþ]/g, function (letter) { return SPELLED_OUT[letter]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return plain.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;
  };

  /* Copy text and say so in `status`; falls back to a hidden textarea where the clipboard API is missing
     (pages served over plain http on an intranet). */
  Playbook.copy = function (text, status) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      status.textContent = copied ? Playbook.t("page.copied") : Playbook.t("page.copy_blocked");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = Playbook.t("page.copied");
      }, fallback);
    } else {
      fallback();
    }
  };

  /* The page's Print button works only with JS, so it stays hidden without it. */
  function enablePrint(root) {
    root.querySelectorAll("button[data-print][hidden]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  /* The search on the 404 page goes home with ?q=, where material opens its search (which needs JS, so the form
     stays hidden without it), filled with the words of the address that was not found. */
  function enableNotFoundSearch(root) {
    root.querySelectorAll("form[data-not-found-search][hidden]").forEach(function (form) {
      var last = location.pathname.split("/").filter(Boolean).pop() || "";
      try {
        last = decodeURIComponent(last);
      } catch (error) {
        // a malformed %-sequence: the words as typed will do
      }
      form.elements.q.value = last.replace(/\.html?$/, "").replace(/[-_.]+/g, " ").trim();
      form.hidden = false;
    });
  }

  /* With JS, material makes links to the handbook's own pages absolute; marked here, so paper spells out only
     the addresses of other sites (print.css), as it does without JS. */
  function markOwnLinks(root) {
    root.querySelectorAll("a[href]").forEach(function (link) {
      if (link.origin === location.origin) link.setAttribute("data-own-page", "");
    });
  }

  /* Material's search.highlight marks the searched words on the page a result leads to, but anywhere in a
     word: "to" inside "customer". A mark that starts inside a word is unwrapped (material marks once the search
     index is ready, so marks are also caught as they arrive). Scripts that don't space their words are left. */
  var INSIDE_WORD = /[\p{L}\p{N}]$/u;
  var UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
  var marksWatched = null;

  function unwrapMarksInsideWords(root) {
    root.querySelectorAll("mark[data-md-highlight]").forEach(function (mark) {
      var before = mark.previousSibling;
      if (before && before.nodeType === Node.TEXT_NODE && INSIDE_WORD.test(before.data) && !UNSPACED.test(mark.textContent)) {
        mark.replaceWith(mark.textContent);
      }
    });
  }

  function keepWholeWordMarks() {
    if (marksWatched) marksWatched.disconnect();
    marksWatched = null;
    var content = document.querySelector(".md-content");
    if (!content || !new URL(location.href).searchParams.get("h")) return;
    unwrapMarksInsideWords(content);
    marksWatched = new MutationObserver(function () {
      unwrapMarksInsideWords(content);
    });
    marksWatched.observe(content, { childList: true, subtree: true });
  }

  /* The header's language and team menus (partials/alternate.html) link each site's copy of the page shown.
     Material's instant navigation swaps the page but keeps the header, so each link is pointed again at the
     page now shown: its site's folder (data-site, from this site's top) and the page's path from the top. */
  function followMenus() {
    var top = siteTop();
    var here = location.pathname.indexOf(top.pathname) === 0 ? location.pathname.slice(top.pathname.length) : "";
    document.querySelectorAll(".md-select__link[data-site]").forEach(function (link) {
      link.href = new URL(link.dataset.site + here, top).href;
    });
  }

  /* Marks the start of the page's widgets' setup (User Timing) for bench/workspace.py. */
  function initAll() {
    performance.mark("playbook-widgets");
    followMenus();
    keepWholeWordMarks();
    enablePrint(document);
    enableNotFoundSearch(document);
    markOwnLinks(document);
    Playbook.widgets.forEach(function (widget) {
      widget.init(document);
    });
  }

  /* A page names the scripts of its widgets in the head (script[data-widget], theme_hook.py). The browser runs
     those of the page it loads, before it says the page is ready; material's instant navigation puts a new
     page's in the head without running them, so the ones not run yet are loaded here, fetched together and run
     in the order listed (a widget after the shared code it calls), before the page's widgets are set up. */
  var scripts = {}; // address → settled once that script has run (or failed to load: tried again on the next page)
  document.querySelectorAll("script[data-widget]").forEach(function (script) {
    scripts[script.src] = Promise.resolve();
  });

  function loadWidgets() {
    return Promise.all(Array.prototype.map.call(document.querySelectorAll("script[data-widget]"), function (wanted) {
      scripts[wanted.src] = scripts[wanted.src] || new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = wanted.src;
        script.async = false;
        script.onload = resolve;
        script.onerror = function () {
          delete scripts[wanted.src];
          resolve(); // its widget stays the plain form it is without JS
        };
        document.head.append(script);
      });
      return scripts[wanted.src];
    }));
  }

  if (window.document$) {
    window.document$.subscribe(function () {
      loadWidgets().then(initAll);
    });
  } else {
    document.addEventListener("DOMContentLoaded", initAll);
  }
})();
