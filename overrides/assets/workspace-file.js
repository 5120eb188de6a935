/* Playbook.workspaceFile: the workspace as a file to export and import. The format is published as
   assets/workspace.schema.json; check() states the same rules by hand, rule for rule (a test feeds both
   the same valid and invalid files), and adds what a schema can't say: the file's size, rep ids used once,
   one record per kind, tool and date. A file is imported only when all of it is valid; every refusal names
   what is wrong in plain words. Text in a record is kept as written, "<b>" and "<50k" and all: a reader's notes
   and commitments may look like HTML, and every tool shows record text with textContent, so it stays text
   on the page; that, not a refusal, is why nothing read from a file or storage is ever run or made markup.

     check(text)                 {file} or {error}
     recordProblem(record)       why a record is malformed, or null (workspace.js keeps only sound ones)
     exportFile(repIds)          the file (an object) for those reps; "me" is the reader
     download(file, name)        saves it as a .json download
     importFile(file, target)    stores a checked file; target for a file of one rep: {rep: id} (an existing
                                 rep or "me") or {name} (a new rep); a file of several reps goes in whole,
                                 each rep by id (a new rep where there is none). null, or an error */
(function (Playbook) {
  "use strict";

  var FORMAT = "playbook-workspace";
  /* Version 2 added to a 1:1's record held, and to its commitments dropped, drop_reason and renegotiated
     (commitments.js): a version 1 file is a version 2 file without them, and an older handbook refuses a
     version 2 file rather than show a dropped commitment as open. */
  var VERSION = 2;
  /* Room for the export of the largest workspace a browser holds: stored compactly it is at most 5 MB, and
     written out as a file about three times that. */
  var MAX_BYTES = 20 * 1024 * 1024;
  var TOO_LARGE = "This file is larger than 20 MB, more than any workspace file; it isn't imported.";
  var MARKUP = /<[A-Za-z!\/?]/;
  var FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
  var DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
  var SAVED = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?Z$/;
  var TOOL = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var REP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
  var LIMITS = { reps: 500, records: 20000, items: 1000, key: 100, text: 20000, depth: 5 };

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function quote(value) {
    var text = String(value);
    return "\u201c" + (text.length > 40 ? text.slice(0, 40) + "\u2026" : text) + "\u201d";
  }

  /* The object's own keys if it has exactly the `required` ones; else why not. */
  function fieldsProblem(value, required, what) {
    if (!isObject(value)) return what + " should be an object with " + required.join(", ") + ".";
    var keys = Object.keys(value);
    var extra = keys.filter(function (name) { return required.indexOf(name) < 0; })[0];
    if (extra !== undefined) return what + " has a field the format doesn't have: " + quote(extra) + ".";
    var missing = required.filter(function (name) { return keys.indexOf(name) < 0; })[0];
    return missing ? what + " has no " + missing + "." : null;
  }

  function textProblem(value, most, what) {
    if (typeof value !== "string") return what + " should be text.";
    return value.length > most ? what + " is longer than " + most + " characters." : null;
  }

  function dateProblem(value, what) {
    return typeof value === "string" && DATE.test(value) ? null : what + " should be a date written YYYY-MM-DD.";
  }

  /* A value inside a record's data: plain, or a list or object nested at most `depth` more levels. */
  function valueProblem(value, depth, what) {
    if (value === null || typeof value === "boolean") return null;
    if (typeof value === "number") return isFinite(value) ? null : what + " is not a number the handbook can keep.";
    if (typeof value === "string") return textProblem(value, LIMITS.text, what);
    if (depth < 1) return what + " is nested too deeply.";
    if (Array.isArray(value)) {
      if (value.length > LIMITS.items) return what + " has more than " + LIMITS.items + " items.";
      for (var i = 0; i < value.length; i += 1) {
        var problem = valueProblem(value[i], depth - 1, what);
        if (problem) return problem;
      }
      return null;
    }
    return objectProblem(value, depth - 1, what);
  }

  function objectProblem(value, depth, what) {
    var keys = Object.keys(value);
    if (keys.length > LIMITS.items) return what + " has more than " + LIMITS.items + " fields.";
    for (var i = 0; i < keys.length; i += 1) {
      if (FORBIDDEN_KEYS.indexOf(keys[i]) >= 0) return what + " has a field named " + quote(keys[i]) + ", which the handbook never imports.";
      if (keys[i].length > LIMITS.key) return what + " has a field name longer than " + LIMITS.key + " characters.";
      var problem = valueProblem(value[keys[i]], depth, what);
      if (problem) return problem;
    }
    return null;
  }

  /* A commitment's renegotiations: each new due date agreed, with the one it replaced and the day. */
  function movesProblem(moves, which) {
    if (!Array.isArray(moves) || moves.length > 50) return which + "'s new due dates should be a list of at most 50.";
    for (var i = 0; i < moves.length; i += 1) {
      if (!isObject(moves[i]) || !["from", "to", "on"].every(function (name) { return !dateProblem(moves[i][name], ""); })) return which + "'s new due date " + (i + 1) + " should give the date it was due (from), the new one (to) and the day it was agreed (on), each YYYY-MM-DD.";
    }
    return null;
  }

  /* What version 2 added to a commitment (commitments.js): when it was dropped and why, its new due dates. */
  function laterProblem(commitment, which) {
    if ("dropped" in commitment && dateProblem(commitment.dropped, "")) return which + " should say when it was dropped, YYYY-MM-DD.";
    if ("drop_reason" in commitment && (typeof commitment.drop_reason !== "string" || commitment.drop_reason.length > 1000)) return which + "'s reason for dropping it should be a text of at most 1000 characters.";
    return "renegotiated" in commitment ? movesProblem(commitment.renegotiated, which) : null;
  }

  /* A 1:1's record (one-to-one.js): its optional time, agenda, held and commitments. Other fields are kept as
     any record's data; a commitment's done is false or null while open (version 1 files wrote false). */
  function oneToOneProblem(data, what) {
    if ("time" in data && !(typeof data.time === "string" && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(data.time))) return what + ": its time should read like 09:30.";
    if ("held" in data && typeof data.held !== "boolean") return what + ": whether the 1:1 was held should be true or false.";
    if ("agenda" in data && !(Array.isArray(data.agenda) && data.agenda.length <= 100 && data.agenda.every(isObject))) return what + ": its agenda should be a list of at most 100 items.";
    if (!("commitments" in data)) return null;
    if (!Array.isArray(data.commitments) || data.commitments.length > 200) return what + ": its commitments should be a list of at most 200.";
    for (var i = 0; i < data.commitments.length; i += 1) {
      var commitment = data.commitments[i];
      var which = what + ": commitment " + (i + 1);
      if (!isObject(commitment) || typeof commitment.text !== "string" || !commitment.text.length || commitment.text.length > 1000) return which + " should have a text of 1 to 1000 characters.";
      var problem = dateProblem(commitment.due, which + "'s due date");
      if (problem) return problem;
      if (!(commitment.done === false || commitment.done === null || (typeof commitment.done === "string" && DATE.test(commitment.done)))) return which + " should say when it was done (YYYY-MM-DD), or null while it is open.";
      if ("owner" in commitment && commitment.owner !== "rep" && commitment.owner !== "manager") return which + "'s owner should be rep or manager.";
      problem = laterProblem(commitment, which);
      if (problem) return problem;
    }
    return null;
  }

  /* Who rated a level result and about which account, when its result says (level-rating.js). */
  function ratingProblem(data, what) {
    var result = data.result;
    if (!isObject(result)) return null;
    if ("rated_by" in result && result.rated_by !== "self" && result.rated_by !== "manager") return what + ": who rated it should be self or manager.";
    if ("account" in result && (typeof result.account !== "string" || result.account.length > Playbook.levelRating.ACCOUNT_MAX)) return what + ": the account it is about should be a text of at most " + Playbook.levelRating.ACCOUNT_MAX + " characters.";
    return null;
  }

  function recordProblem(record, where) {
    var what = where || "The record";
    var problem = fieldsProblem(record, ["kind", "tool", "date", "data", "saved"], what);
    if (problem) return problem;
    if (Playbook.workspace.KINDS.indexOf(record.kind) < 0) return what + " is of a kind the handbook doesn't know: " + quote(record.kind) + " (it knows " + Playbook.workspace.KINDS.join(", ") + ").";
    if (typeof record.tool !== "string" || record.tool.length > 80 || !TOOL.test(record.tool)) return what + " names its tool wrongly: " + quote(record.tool) + ".";
    problem = dateProblem(record.date, what + ": its date");
    if (problem) return problem;
    if (!isObject(record.data)) return what + ": its answers should be an object.";
    problem = objectProblem(record.data, LIMITS.depth, what + ": a value in its answers") || (record.kind === "one-to-one" ? oneToOneProblem(record.data, what) : null) || (record.kind === "assessment" ? ratingProblem(record.data, what) : null);
    if (problem) return problem;
    return typeof record.saved === "string" && SAVED.test(record.saved) ? null : what + ": its time saved should read like 2026-12-01T09:30:00.000Z.";
  }

  function repProblem(rep, number) {
    var what = "Rep " + number;
    var problem = fieldsProblem(rep, ["id", "name", "added", "records"], what);
    if (problem) return problem;
    if (typeof rep.id !== "string" || !REP_ID.test(rep.id)) return what + " has an id the handbook doesn't use: " + quote(rep.id) + ".";
    if (typeof rep.name !== "string" || !rep.name.length) return what + " has no name.";
    if (/[<>]/.test(rep.name)) return what + "'s name contains < or >, which a rep's name never has.";
    if (rep.name.length > 60) return what + "'s name is longer than 60 characters.";
    what = "Rep " + number + " (" + rep.name + ")";
    problem = dateProblem(rep.added, what + "'s date added");
    if (problem) return problem;
    if (!Array.isArray(rep.records)) return what + "'s records should be a list.";
    if (rep.records.length > LIMITS.records) return what + " has more than " + LIMITS.records + " records.";
    var seen = {};
    for (var i = 0; i < rep.records.length; i += 1) {
      problem = recordProblem(rep.records[i], what + ", record " + (i + 1));
      if (problem) return problem;
      var id = Playbook.workspace.slot(rep.records[i]);
      if (seen[id]) return what + " has two records of " + rep.records[i].tool + " for " + rep.records[i].date + ".";
      seen[id] = true;
    }
    return null;
  }

  function fileProblem(file) {
    if (!isObject(file) || file.format !== FORMAT) return "This isn't a workspace file exported from the handbook.";
    if (typeof file.version !== "number" || Math.floor(file.version) !== file.version) return "The file's version should be a whole number.";
    if (file.version > VERSION) return "This file is version " + file.version + " of the format, from a newer handbook; this one reads up to version " + VERSION + ".";
    if (file.version < 1) return "This file's version, " + file.version + ", never existed.";
    var problem = fieldsProblem(file, ["format", "version", "exported", "handbook", "reps"], "The file") ||
      dateProblem(file.exported, "The file's export date") ||
      textProblem(file.handbook, 200, "The handbook's name") ||
      (MARKUP.test(file.handbook) ? "The handbook's name contains HTML tags, which the handbook never imports." : null) ||
      (typeof file.handbook === "string" && file.handbook.length ? null : "The file doesn't say which handbook it came from.");
    if (problem) return problem;
    if (!Array.isArray(file.reps) || !file.reps.length) return "The file has no reps.";
    if (file.reps.length > LIMITS.reps) return "The file has more than " + LIMITS.reps + " reps.";
    var ids = {};
    for (var i = 0; i < file.reps.length; i += 1) {
      problem = repProblem(file.reps[i], i + 1);
      if (problem) return problem;
      if (ids[file.reps[i].id]) return "Two reps in the file have the same id, " + quote(file.reps[i].id) + ".";
      ids[file.reps[i].id] = true;
    }
    return null;
  }

  function check(text) {
    if (typeof text !== "string") return { error: "This file can't be read as text." };
    if (text.length > MAX_BYTES) return { error: TOO_LARGE };
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return { error: "This file isn't a workspace file: it isn't valid JSON." };
    }
    var problem = fileProblem(file);
    return problem ? { error: "Nothing was imported. " + problem } : { file: file };
  }

  function siteName() {
    var meta = document.querySelector('meta[property="og:site_name"]');
    var title = meta ? meta.content : document.title.split(" - ").pop();
    return (title || "Playbook").replace(/[<>]/g, "").slice(0, 200);
  }

  function exportFile(repIds) {
    var ws = Playbook.workspace;
    var known = ws.reps();
    return {
      format: FORMAT,
      version: VERSION,
      exported: ws.today(),
      handbook: siteName(),
      reps: repIds.map(function (id) {
        var rep = known.filter(function (r) { return r.id === id; })[0] || { id: "me", name: "Me", added: ws.today() };
        return { id: rep.id, name: rep.name, added: rep.added, records: ws.records({ rep: rep.id }) };
      })
    };
  }

  function download(file, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: "application/json" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  /* Where each rep of the file goes: [{rep, into}] with `into` an existing rep's id, or {rep, name, id} for a
     new one. A file of several reps (a whole workspace) goes rep by rep: "me" to the reader, others to the
     rep with the same id or name, else to a new rep that keeps the file's id, so importing it again merges. */
  function destinations(file, target) {
    var known = Playbook.workspace.reps();
    if (file.reps.length === 1) return [{ rep: file.reps[0], into: target.rep, name: target.name }];
    return file.reps.map(function (rep) {
      if (rep.id === "me") return { rep: rep, into: "me" };
      var same = known.filter(function (r) { return r.id === rep.id || Playbook.workspace.sameName(r.name, rep.name); })[0];
      return same ? { rep: rep, into: same.id } : { rep: rep, name: rep.name, id: rep.id };
    });
  }

  /* The stored text of the workspace's keys a write may touch, to put back if storage fills halfway. */
  function snapshot(repIds) {
    function repKeys(ids) {
      return ids.filter(Boolean).reduce(function (all, id) { return all.concat(Playbook.workspace.repKeys(id)); }, []);
    }
    var keys = [Playbook.storageKey("workspace", "index")].concat(repKeys(repIds));
    var before = keys.map(function (key) { return localStorage.getItem(key); });
    /* `added`: the reps made during the import, whose records go too */
    return function restore(added) {
      keys = keys.concat(repKeys(added));
      Playbook.workspace.reread();
      keys.forEach(function (key, i) {
        try {
          if (before[i] == null) localStorage.removeItem(key);
          else localStorage.setItem(key, before[i]);
        } catch (error) {
          /* putting back what was there fits, unless another tab filled the storage meanwhile */
        }
      });
    };
  }

  function store(plan) {
    for (var i = 0; i < plan.length; i += 1) {
      if (!plan[i].into) {
        var added = Playbook.workspace.addRep(plan[i].name, plan[i].id);
        if (added.error) return added.error;
        plan[i].into = added.rep.id;
      }
      var problem = Playbook.workspace.merge(plan[i].into, plan[i].rep.records, true);
      if (problem) return problem;
    }
    return null;
  }

  function importFile(file, target) {
    var problem = fileProblem(file);
    if (problem) return "Nothing was imported. " + problem;
    if (file.reps.length === 1 && !(target && (target.rep || typeof target.name === "string"))) return "Choose whose history the file goes into.";
    var plan = destinations(file, target);
    var restore = snapshot(plan.map(function (step) { return step.into || step.id; }));
    problem = store(plan);
    if (problem) {
      restore(plan.filter(function (step) { return step.name !== undefined && step.into; }).map(function (step) { return step.into; }));
      return "Nothing was imported. " + problem;
    }
    Playbook.workspace.choose(Playbook.workspace.current());
    return null;
  }

  Playbook.workspaceFile = {
    MAX_BYTES: MAX_BYTES,
    TOO_LARGE: TOO_LARGE,
    isRepId: function (id) { return typeof id === "string" && REP_ID.test(id); },
    check: check,
    recordProblem: function (record) { return recordProblem(record); },
    exportFile: exportFile,
    download: download,
    importFile: importFile
  };
})((window.Playbook = window.Playbook || { widgets: [] }));
