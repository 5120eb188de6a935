/* Playbook.workspace: the one place the reader's reps and their dated records live, in this browser only.

   Storage (localStorage, through Playbook.storageKey):
     ("workspace", "index")      {version: 1, reps: [{id, name, added}], current: repId | "me"}
     ("workspace", "records:" + id)  the rep's records [{kind, tool, date, call, data, saved}] in the compact form of
                                 workspace-store.js (a third of the plain JSON's size), one key per rep and one
                                 for "me" (the reader), so opening one rep never parses the whole team. Records
                                 kept before that form, {version: 1, records} under ("workspace", "rep:" + id),
                                 are moved into it the first time the rep is read.
   A record is one tool's answers for one rep on one date: kind (KINDS), tool (the form's id in the data),
   date ("YYYY-MM-DD", the reader's local day; a repeating checklist's is its period's first day, a list done
   before each 1:1's the day ticked), call (a ride-along's second or later call rated that day, 2 to 9; left out
   for the first and on every other kind),
   data (a plain JSON object, checked by Playbook.workspaceFile.recordProblem: text kept as typed, no
   "__proto__", at most 6 deep) and saved (ISO time). There is at most one record per (kind, tool, date, call):
   saving again replaces it.
   The data each tool writes (answers carry the fingerprint of the item's text, macros/fingerprints.py):
     assessment, coaching-check     {answers: {statementId: {value, fingerprint}}, notes: {noteId: text},
     (Was that coaching?),           result: {complete, answered, needed, score, band, level: {id, name,
     observation, rubric             number} | null, groups: [{id, answered, score, reached}], weakest:
                                     [{id, text, answer}] (what the result says to work on next, in its order);
                                     the level assessment's also rated_by: "self" | "manager" and account:
                                     text, each left out when not given (level-rating.js reads them)}}
     checklist                      {period: null | "day" | "week" | "quarter" | "one-to-one", ticked: {itemId: fingerprint}, done, total}
     decision                       {ticked: {signalId: fingerprint}, outcome: modeId | "tie" | "none" | "context" | "needs-<modeId>", totals}
     planner                        {fields: {fieldName: text typed}}, the fields changed from the handbook's
     one-to-one                     {time: "HH:MM", agenda: [{id, fingerprint, box}], held, commitments: [{text,
     (Plan a 1:1; tool: the          owner: "rep" | "manager", due, done: null | date, dropped, drop_reason,
     meeting's id)                   renegotiated}]}, dated the meeting's day; checked by workspace-file.js
                                    (commitments.js says what they mean, one-to-one.js how they are made)
     away (tool "time-away")        {back: "YYYY-MM-DD"}, dated the rep's first day away; back is the first day
                                    back (time-away.js says what it means)
   The reader's own answers are also kept where each tool kept them before reps existed
   (Playbook.storageKey(kind, toolId)); a tool shows a rep's latest record, or today's for a form about one
   meeting (data-fresh-each-day).

   API (storage is read once per page: what other tabs write empties the cache, through the storage event; the
   records returned are shared, so a tool copies one before changing it):
     reps()                         [{id, name, added}], in the order added; "me" is not among them
     addRep(name, id, added)        {rep} or {error}: a name or initials, trimmed, 1–60 characters, no < or >,
                                    unique ignoring case; `id` (optional) keeps an imported rep's id if free,
                                    and `added` (optional) the day the file says the rep was added
     addedBy(id, date)              the rep's added day moved back to `date` when that is earlier (an import:
                                    the rep's first 1:1 is due from when they joined, not from the import);
                                    null or an error
     cleanName(name), sameName(a, b)  the rule for one rep, used wherever reps meet (addRep, import, the team
                                    view): a name trimmed with one space between words; two names are one
                                    rep when they are the same ignoring case and runs of spaces
     removeRep(id)                  deletes the rep and its records ("me": the reader's records and every
                                    answer the tools keep for them); null, or an error in plain words
     clearAll()                     deletes everything the handbook keeps in this browser; null or an error
     current(), choose(id)          whose answers the tools show; choose saves it and dispatches "playbook:rep"
                                    ({detail: {rep}}) on document, and every attached tool reloads
     whose(form)                    whose answers `form` shows: "me" for a form about the reader alone
                                    (data-reader-only, such as a manager's own habits), else current()
     name(id)                       a rep's name (for "me", the reader: rep_picker.me, "Me" or "Ich")
     today()                        the reader's local date, "YYYY-MM-DD"
     savedDay(record)               the reader's local date the record was last saved (its date, if it has no time)
     againWithin(record)            the days a rated meeting's result asks the next one to come within (a band's
                                    again_within_days: "Back to basics"), or 0
     dayOf(record, style, calls)    its date in words (Playbook.dates.day's style), with its call on a day of more
                                    than one (`calls`: how many that day; the first is then call 1)
     record(kind, tool, data, date, rep, call)  upserts the record of `rep` (the current rep if left out) for
                                    (kind, tool, date = today, call = the first); null or error
     records({rep, kind, tool})     that rep's records (default: the current rep), oldest date first
     latest({rep, kind, tool})      the newest of them, or null
     merge(rep, records, keepNewer) puts checked records into a rep's history, one per slot (below)
     forget(rep, record)            removes the rep's record in the slot of `record`; null or an error
     combine(list, additions, keepNewer, tally)  the rule merge keeps (and the team view reads files by): a
                                    new list, one record per slot(record) = kind, tool, date and call; `tally`
                                    (optional) counts the additions that were copies of a record already
                                    there (tally.duplicates) and those with other answers (tally.differed)
     draftKey(id)                   the storage key of a rep's draft 1:1 agenda (question-basket.js)
     repKeys(id), reread()          every storage key a rep's data may be under; forget what was read (for a
                                    caller that writes those keys itself: workspace-file.js puts them back)
     room()                         once storage is 80% full, a sentence telling the reader how to make room
                                    (attach's status and the Reps and saved answers page say it); else null
     attach(form, reload, status)   a tool joins the workspace: reload() runs when the rep changes (never, on a
                                    reader-only form); returns {status, whose(), save(key, value),
                                    record(kind, tool, data, date, call)}, the record going to whose(form); they report
                                    a full or blocked storage in an aria-live status and return false (and
                                    record, once storage is nearly full, adds room() to that status): the
                                    picker's for the form (data-for = form.id), or `status` for a tool without one
   Later tools read records with records()/latest() and listen for "playbook:rep" on their own form (attach)
   rather than on document, so instant navigation never stacks listeners. */
(function (Playbook) {
  "use strict";

  var KINDS = ["assessment", "coaching-check", "observation", "rubric", "checklist", "decision", "planner", "one-to-one", "away", "start"];
  /* The kinds filled in for each meeting (a ride-along's call, a role-play run, a coaching conversation), whose
     record may be a day's second or later (its call), and how many one day may hold. */
  var PER_MEETING = ["observation", "rubric", "coaching-check"];
  var MOST_CALLS = 9;
  var NAME_MAX = 60;
  /* The storage kinds under which the tools keep the reader's own answers (Playbook.storageKey(kind, id)). */
  var TOOL_KINDS = ["assessment", "checklist", "decision", "planner"];
  /* What this browser lets a site keep in localStorage: 5 MiB of characters, keys included (Chromium and
     Firefox; the quota is the site's, shared with every handbook and page on the same host). */
  var ALLOWED = 5 * 1024 * 1024;
  var NEARLY_FULL = 0.8;
  /* The room() sentences said on this page, so that a status saying one again replaces it rather than adding a
     second: the share in them changes as storage fills, and the words with the page's language. */
  var roomSaid = [];
  /* Parsed storage, by storage key: the index as stored, a rep's records checked. Read once per page; kept
     up to date by this page's own writes and emptied when another tab changes storage (the storage event). */
  var cache = {};

  window.addEventListener("storage", function () {
    cache = {};
  });

  function key(id) {
    return Playbook.storageKey("workspace", id);
  }

  function repKey(id) {
    return key("records:" + id);
  }

  /* Where a rep's records were kept before the compact form: plain JSON {version: 1, records}. Read, merged
     into the compact key and removed; a tab still running the older handbook may write it again meanwhile. */
  function oldRepKey(id) {
    return key("rep:" + id);
  }

  /* The questions chosen for a rep's next 1:1 (question-basket.js), deleted with the rep. */
  function draftKey(id) {
    return Playbook.storageKey("one-to-one-draft", id);
  }

  function getItem(storageKey) {
    try {
      return localStorage.getItem(storageKey);
    } catch (error) {
      return null;
    }
  }

  function parse(raw) {
    try {
      return JSON.parse(raw);
    } catch (error) {
      return null;
    }
  }

  /* Parsed JSON under `storageKey`, or null. */
  function read(storageKey) {
    if (!(storageKey in cache)) cache[storageKey] = parse(getItem(storageKey));
    return cache[storageKey];
  }

  /* Stores `raw`, noting `value` as what it means; null, or why not in the reader's words. */
  function writeRaw(storageKey, raw, value) {
    try {
      localStorage.setItem(storageKey, raw);
    } catch (error) {
      return Playbook.storageProblem(error);
    }
    cache[storageKey] = value;
    return null;
  }

  function write(storageKey, value) {
    return writeRaw(storageKey, JSON.stringify(value), value);
  }

  /* How much of what the browser allows the site's storage holds, 0 to 1 (every key on this host counts). */
  function used() {
    var total = 0;
    try {
      for (var i = 0; i < localStorage.length; i += 1) {
        var name = localStorage.key(i);
        total += name.length + (localStorage.getItem(name) || "").length;
      }
    } catch (error) {
      return 0;
    }
    return total / ALLOWED;
  }

  /* What to tell the reader once storage passes NEARLY_FULL, or null. */
  function room() {
    var share = used();
    if (share < NEARLY_FULL) return null;
    var said = Playbook.t("workspace.room", { percent: Math.floor(share * 100) });
    if (roomSaid.indexOf(said) < 0) roomSaid.push(said);
    return said;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function today() {
    return Playbook.dates.today();
  }

  function savedDay(record) {
    var when = new Date(record.saved || NaN);
    return isNaN(when.getTime()) ? record.date : Playbook.dates.of(when);
  }

  /* "Fri 27 Nov", or "Fri 27 Nov, call 2" on a day of several calls. */
  function againWithin(record) {
    var days = record.data && record.data.result ? record.data.result.again_within_days : 0;
    return typeof days === "number" && days > 0 && days === Math.floor(days) ? days : 0;
  }

  function dayOf(record, style, calls) {
    var day = Playbook.dates.day(record.date, style);
    return record.call || calls > 1 ? Playbook.t("workspace.day_call", { day: day, call: record.call || 1 }) : day;
  }

  function validRep(rep) {
    return isObject(rep) && Playbook.workspaceFile.isRepId(rep.id) && rep.id !== "me" && typeof rep.name === "string" && typeof rep.added === "string";
  }

  /* The index as stored, with anything malformed left out. */
  function index() {
    var stored = read(key("index"));
    var reps = isObject(stored) && stored.version === 1 && Array.isArray(stored.reps) ? stored.reps.filter(validRep) : [];
    var current = isObject(stored) && reps.some(function (rep) { return rep.id === stored.current; }) ? stored.current : "me";
    return { version: 1, reps: reps, current: current };
  }

  function reps() {
    return index().reps.map(function (rep) { return { id: rep.id, name: rep.name, added: rep.added }; });
  }

  function name(id) {
    if (id === "me") return Playbook.t("rep_picker.me");
    var found = index().reps.filter(function (rep) { return rep.id === id; })[0];
    return found ? found.name : "";
  }

  /* A name as a rep is kept: trimmed, one space between words. */
  function cleanName(text) {
    return String(text || "").replace(/\s+/g, " ").trim();
  }

  /* One rep, whatever the case and spacing: addRep refuses a second "priya", an import of "Priya" goes to her
     and the team view puts her files in one column. Not by id: each browser makes its own. */
  function sameName(a, b) {
    return cleanName(a).toLowerCase() === cleanName(b).toLowerCase();
  }

  /* Why `text` can't be a new rep's name, or null. */
  function nameProblem(text, taken) {
    if (!text) return Playbook.t("workspace.name_missing");
    if (text.length > NAME_MAX) return Playbook.t("workspace.name_too_long", { most: NAME_MAX });
    if (/[<>]/.test(text)) return Playbook.t("workspace.name_markup");
    if (sameName(text, "me") || sameName(text, Playbook.t("rep_picker.me"))) return Playbook.t("workspace.name_me", { me: Playbook.t("rep_picker.me") });
    var same = taken.filter(function (rep) { return sameName(rep.name, text); })[0];
    return same ? Playbook.t("workspace.name_taken", { name: same.name }) : null;
  }

  function newId() {
    return "r" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
  }

  function addRep(text, id, added) {
    var clean = cleanName(text);
    var stored = index();
    var problem = nameProblem(clean, stored.reps);
    if (problem) return { error: problem };
    var free = id && id !== "me" && Playbook.workspaceFile.isRepId(id) && !stored.reps.some(function (rep) { return rep.id === id; });
    var rep = { id: free ? id : newId(), name: clean, added: added && added < today() ? added : today() };
    stored.reps.push(rep);
    problem = write(key("index"), stored);
    return problem ? { error: problem } : { rep: { id: rep.id, name: rep.name, added: rep.added } };
  }

  function addedBy(id, date) {
    var stored = index();
    var rep = stored.reps.filter(function (each) { return each.id === id; })[0];
    if (!rep || !(date < rep.added)) return null;
    rep.added = date;
    return write(key("index"), stored);
  }

  function removeKey(storageKey) {
    try {
      localStorage.removeItem(storageKey);
    } catch (error) {
      return Playbook.storageProblem(error);
    }
    delete cache[storageKey];
    return null;
  }

  /* Keys starting with `prefix`, read before any is removed (removing shifts localStorage's indices). */
  function keysFrom(prefixes) {
    var keys = [];
    for (var i = 0; i < localStorage.length; i += 1) {
      var name = localStorage.key(i);
      if (prefixes.some(function (prefix) { return name.indexOf(prefix) === 0; })) keys.push(name);
    }
    return keys;
  }

  function removeKeys(prefixes) {
    var keys;
    try {
      keys = keysFrom(prefixes);
    } catch (error) {
      return Playbook.storageProblem(error);
    }
    var problem = null;
    keys.forEach(function (storageKey) { problem = problem || removeKey(storageKey); });
    return problem;
  }

  /* Every key a rep's records and draft may be under. */
  function repKeys(id) {
    return [repKey(id), oldRepKey(id), draftKey(id)];
  }

  function removeRepKeys(id) {
    return repKeys(id).reduce(function (problem, storageKey) { return problem || removeKey(storageKey); }, null);
  }

  /* The reader's own answers: their records and what each tool keeps under the keys used before reps. */
  function removeMine() {
    var problem = removeKeys(TOOL_KINDS.map(function (kind) { return Playbook.storageKey(kind, ""); })) || removeRepKeys("me");
    if (!problem) announce(current());
    return problem;
  }

  function removeRep(id) {
    if (id === "me") return removeMine();
    var stored = index();
    if (!stored.reps.some(function (rep) { return rep.id === id; })) return Playbook.t("workspace.no_such_rep");
    stored.reps = stored.reps.filter(function (rep) { return rep.id !== id; });
    var wasCurrent = stored.current === id;
    if (wasCurrent) stored.current = "me";
    var problem = removeRepKeys(id) || write(key("index"), stored);
    if (!problem && wasCurrent) announce("me");
    return problem;
  }

  /* Every key this handbook keeps in this browser: the workspace and the tools' answers, reps and "me". */
  function clearAll() {
    var problem = removeKeys([Playbook.storageKey("", "").slice(0, -1)]);
    if (!problem) announce("me");
    return problem;
  }

  function current() {
    return index().current;
  }

  function whose(form) {
    return form.hasAttribute("data-reader-only") ? "me" : current();
  }

  function announce(id) {
    document.dispatchEvent(new CustomEvent("playbook:rep", { detail: { rep: id } }));
  }

  function choose(id) {
    var stored = index();
    if (id !== "me" && !stored.reps.some(function (rep) { return rep.id === id; })) return Playbook.t("workspace.no_such_rep");
    stored.current = id;
    var problem = write(key("index"), stored);
    if (!problem) announce(id);
    return problem;
  }

  /* Oldest first: by date, a day's calls in their order, then by the time saved. */
  function byDate(a, b) {
    return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.call || 1) - (b.call || 1) || (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0);
  }

  /* Records as the file format has them (a record is the file format's, schema and all), malformed ones out. */
  function sound(list) {
    return (list || []).filter(function (item) { return !Playbook.workspaceFile.recordProblem(item); });
  }

  /* Where a record goes in a rep's history: one per kind, tool, date and call (a file with two is refused). */
  function slot(record) {
    return record.kind + " " + record.tool + " " + record.date + (record.call ? " " + record.call : "");
  }

  /* A value as text with object keys sorted: two copies of a record's answers match whatever their order. */
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (isObject(value)) return "{" + Object.keys(value).sort().map(function (name) { return JSON.stringify(name) + ":" + canonical(value[name]); }).join(",") + "}";
    return JSON.stringify(value);
  }

  /* `additions` put into `list`, one record per slot: an addition replaces the record it matches unless that
     one was saved later (`keepNewer`); `tally`, if given, counts what matched (see the API above). A new list,
     oldest date first; `list` is left as it was. */
  function combine(list, additions, keepNewer, tally) {
    var result = list.slice();
    var at = Object.create(null);
    result.forEach(function (item, i) { at[slot(item)] = i; });
    additions.forEach(function (item) {
      var same = slot(item);
      if (!(same in at)) {
        at[same] = result.length;
        result.push(item);
        return;
      }
      var had = result[at[same]];
      if (tally && canonical(had.data) === canonical(item.data)) tally.duplicates += 1;
      else if (tally) tally.differed += 1;
      if (!keepNewer || had.saved <= item.saved) result[at[same]] = item;
    });
    return result.sort(byDate);
  }

  /* Stores a rep's records in the compact form and removes the old form's key, if any. null or a problem. */
  function persist(rep, list) {
    var problem = writeRaw(repKey(rep), Playbook.workspaceStore.pack(list), list);
    return problem || (getItem(oldRepKey(rep)) === null ? null : removeKey(oldRepKey(rep)));
  }

  /* A rep's records as stored, oldest date first, checked once per page. Records still in the old form are
     moved into the compact one on first read, which frees room; if storage refuses, they stay where they
     were until the next save moves them. */
  function stored(rep) {
    var storageKey = repKey(rep);
    if (cache[storageKey]) return cache[storageKey];
    var list = sound(Playbook.workspaceStore.unpack(getItem(storageKey))).sort(byDate);
    var old = parse(getItem(oldRepKey(rep)));
    if (isObject(old) && old.version === 1 && Array.isArray(old.records)) {
      list = combine(list, sound(old.records), true);
      persist(rep, list);
    }
    cache[storageKey] = list;
    return list;
  }

  function records(query) {
    var q = query || {};
    return stored(q.rep || current()).filter(function (item) {
      return (!q.kind || item.kind === q.kind) && (!q.tool || item.tool === q.tool);
    });
  }

  function latest(query) {
    var found = records(query);
    return found.length ? found[found.length - 1] : null;
  }

  /* Puts `additions` into `rep`'s records (combine). null, or why it couldn't be stored. */
  function merge(rep, additions, keepNewer) {
    return persist(rep, combine(stored(rep), additions, keepNewer));
  }

  function forget(rep, item) {
    return persist(rep, stored(rep).filter(function (kept) { return slot(kept) !== slot(item); }));
  }

  /* The tool's `data` is copied, so that a tool changing its object later can't change what was saved. */
  function record(kind, tool, data, date, rep, call) {
    var item = { kind: kind, tool: tool, date: date || today() };
    if (call) item.call = call;
    item.data = JSON.parse(JSON.stringify(data));
    item.saved = new Date().toISOString();
    var problem = Playbook.workspaceFile.recordProblem(item);
    if (problem) return Playbook.t("workspace.not_saved", { problem: problem });
    return merge(rep || current(), [item], false);
  }

  /* Each attached tool hears the rep change on its own form, once; the pickers are the picker's. */
  document.addEventListener("playbook:rep", function () {
    document.querySelectorAll("[data-rep-tool]").forEach(function (form) {
      form.dispatchEvent(new CustomEvent("playbook:rep"));
    });
  });

  function attach(form, reload, ownStatus) {
    if (!form.hasAttribute("data-reader-only")) {
      form.setAttribute("data-rep-tool", "");
      form.addEventListener("playbook:rep", reload);
    }
    var picker = form.id && document.querySelector('[data-rep-picker][data-for="' + form.id + '"]');
    var status = ownStatus || (picker ? picker.querySelector("[data-rep-status]") : null);
    /* A refused save is told at once. Storage nearly full is told after whatever the tool itself says on
       saving (it sets its status as record returns), so the reader hears both. */
    function report(problem) {
      if (problem && status) status.textContent = problem;
      var warning = !problem && status && room();
      if (warning) {
        Promise.resolve().then(function () {
          var said = status.textContent;
          var cut = roomSaid.map(function (room) { return said.indexOf(room); }).filter(function (at) { return at >= 0; });
          if (cut.length) said = said.slice(0, Math.min.apply(null, cut)).trim();
          status.textContent = (said ? said + " " : "") + warning;
        });
      }
      return !problem;
    }
    return {
      status: status,
      whose: function () {
        return whose(form);
      },
      save: function (storageKey, value) {
        return Playbook.save(storageKey, value, status);
      },
      record: function (kind, tool, data, date, call) {
        return report(record(kind, tool, data, date, whose(form), call));
      }
    };
  }

  /* Beside a tick box whose item was reworded since it was ticked: `note` (or nothing, when null), linked to
     the box for screen readers beside any description it has already (a signal's "rules out"); the checklist
     and the decision helper both use it. */
  function markChanged(box, note, className) {
    var id = box.id + "-changed";
    var old = document.getElementById(id);
    if (old) old.remove();
    var described = (box.getAttribute("aria-describedby") || "").split(" ").filter(function (each) { return each && each !== id; });
    if (note) {
      var span = document.createElement("span");
      span.id = id;
      span.className = className;
      span.textContent = note;
      box.parentNode.append(" ", span);
      described.push(id);
    }
    if (described.length) box.setAttribute("aria-describedby", described.join(" "));
    else box.removeAttribute("aria-describedby");
  }

  Playbook.workspace = {
    KINDS: KINDS,
    markChanged: markChanged,
    reps: reps,
    addRep: addRep,
    addedBy: addedBy,
    cleanName: cleanName,
    sameName: sameName,
    removeRep: removeRep,
    clearAll: clearAll,
    current: current,
    whose: whose,
    choose: choose,
    name: name,
    today: today,
    savedDay: savedDay,
    againWithin: againWithin,
    dayOf: dayOf,
    PER_MEETING: PER_MEETING,
    MOST_CALLS: MOST_CALLS,
    record: record,
    records: records,
    latest: latest,
    attach: attach,
    room: room,
    repKeys: repKeys,
    reread: function () { cache = {}; },
    merge: merge,
    forget: forget,
    combine: combine,
    slot: slot,
    draftKey: draftKey
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
