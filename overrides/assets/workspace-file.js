/* Playbook.workspaceFile: the workspace as a file to export and import. The format is published as
   assets/workspace.schema.json; check() states the same rules by hand, rule for rule (a test feeds both
   the same valid and invalid files), and adds what a schema can't say: the file's size, rep ids used once,
   one record per kind, tool, date and call. A file is imported only when all of it is valid; every refusal names
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
     (commitments.js); version 3 the away record (time-away.js). Each earlier file is a later one without them,
     and an older handbook refuses a later file rather than show a dropped commitment as open or a rep on
     leave as overdue. Version 4 added a record's call: a ride-along's (or other per-meeting form's) second or
     later that day (workspace.js). */
  var VERSION = 4;
  /* Room for the export of the largest workspace a browser holds: stored compactly it is at most 5 MB, and
     written out as a file about three times that. */
  var MAX_BYTES = 20 * 1024 * 1024;
  var TOO_LARGE = Playbook.t("workspace_file.too_large");
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
    return Playbook.t("workspace_file.quoted", { text: text.length > 40 ? text.slice(0, 40) + "\u2026" : text });
  }

  /* The object's own keys if it has exactly the `required` ones; else why not. */
  function fieldsProblem(value, required, what) {
    if (!isObject(value)) return Playbook.t("workspace_file.not_object", { what: what, fields: required.join(", ") });
    var keys = Object.keys(value);
    var extra = keys.filter(function (name) { return required.indexOf(name) < 0; })[0];
    if (extra !== undefined) return Playbook.t("workspace_file.extra_field", { what: what, field: quote(extra) });
    var missing = required.filter(function (name) { return keys.indexOf(name) < 0; })[0];
    return missing ? Playbook.t("workspace_file.missing_field", { what: what, field: missing }) : null;
  }

  function textProblem(value, most, what) {
    if (typeof value !== "string") return Playbook.t("workspace_file.not_text", { what: what });
    return value.length > most ? Playbook.t("workspace_file.too_long", { what: what, most: String(most) }) : null;
  }

  function dateProblem(value, what) {
    return typeof value === "string" && DATE.test(value) ? null : Playbook.t("workspace_file.not_date", { what: what });
  }

  /* A value inside a record's data: plain, or a list or object nested at most `depth` more levels. */
  function valueProblem(value, depth, what) {
    if (value === null || typeof value === "boolean") return null;
    if (typeof value === "number") return isFinite(value) ? null : Playbook.t("workspace_file.not_number", { what: what });
    if (typeof value === "string") return textProblem(value, LIMITS.text, what);
    if (depth < 1) return Playbook.t("workspace_file.too_deep", { what: what });
    if (Array.isArray(value)) {
      if (value.length > LIMITS.items) return Playbook.t("workspace_file.too_many_items", { what: what, most: String(LIMITS.items) });
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
    if (keys.length > LIMITS.items) return Playbook.t("workspace_file.too_many_fields", { what: what, most: String(LIMITS.items) });
    for (var i = 0; i < keys.length; i += 1) {
      if (FORBIDDEN_KEYS.indexOf(keys[i]) >= 0) return Playbook.t("workspace_file.forbidden_field", { what: what, field: quote(keys[i]) });
      if (keys[i].length > LIMITS.key) return Playbook.t("workspace_file.long_field_name", { what: what, most: String(LIMITS.key) });
      var problem = valueProblem(value[keys[i]], depth, what);
      if (problem) return problem;
    }
    return null;
  }

  /* A commitment's renegotiations: each new due date agreed, with the one it replaced and the day. */
  function movesProblem(moves, which) {
    if (!Array.isArray(moves) || moves.length > 50) return Playbook.t("workspace_file.moves_list", { which: which });
    for (var i = 0; i < moves.length; i += 1) {
      if (!isObject(moves[i]) || !["from", "to", "on"].every(function (name) { return !dateProblem(moves[i][name], ""); })) return Playbook.t("workspace_file.move_bad", { which: which, number: i + 1 });
      if ("why" in moves[i] && (typeof moves[i].why !== "string" || moves[i].why.length > 1000)) return Playbook.t("workspace_file.move_why", { which: which, number: i + 1 });
    }
    return null;
  }

  /* What version 2 added to a commitment (commitments.js): when it was dropped and why, its new due dates. */
  function laterProblem(commitment, which) {
    if ("dropped" in commitment && dateProblem(commitment.dropped, "")) return Playbook.t("workspace_file.dropped_date", { which: which });
    if ("drop_reason" in commitment && (typeof commitment.drop_reason !== "string" || commitment.drop_reason.length > 1000)) return Playbook.t("workspace_file.drop_reason", { which: which });
    return "renegotiated" in commitment ? movesProblem(commitment.renegotiated, which) : null;
  }

  /* A note written in a 1:1 (one-to-one.js): the box's id, the line's label and the text, each written. */
  function noteSound(note) {
    return isObject(note) && !fieldsProblem(note, ["box", "label", "text"], "") && typeof note.box === "string" && note.box.length <= 80 && TOOL.test(note.box)
      && [note.label, note.text].every(function (text) { return typeof text === "string" && text.length > 0 && text.length <= LIMITS.text; });
  }

  /* A decision's situations (decision.js): the question bank's ids of the signals its advice rests on. */
  function decisionProblem(data, what) {
    var sound = !("situations" in data) || (Array.isArray(data.situations) && data.situations.length <= 100 && data.situations.every(function (id) { return typeof id === "string" && id.length <= 80 && TOOL.test(id); }));
    return sound ? null : Playbook.t("workspace_file.decision_situations", { what: what });
  }

  /* A 1:1's record (one-to-one.js): its optional time, agenda, held and commitments. Other fields are kept as
     any record's data; a commitment's done is false or null while open (version 1 files wrote false). */
  function oneToOneProblem(data, what) {
    if ("time" in data && !(typeof data.time === "string" && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(data.time))) return Playbook.t("workspace_file.meeting_time", { what: what });
    if ("held" in data && typeof data.held !== "boolean") return Playbook.t("workspace_file.meeting_held", { what: what });
    if ("milestone" in data && !(typeof data.milestone === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.milestone) && data.milestone.length <= 80)) return Playbook.t("workspace_file.meeting_milestone", { what: what });
    if ("milestone_outcome" in data && ["on-track", "behind"].indexOf(data.milestone_outcome) < 0) return Playbook.t("workspace_file.meeting_outcome", { what: what });
    if ("agenda" in data && !(Array.isArray(data.agenda) && data.agenda.length <= 100 && data.agenda.every(isObject))) return Playbook.t("workspace_file.meeting_agenda", { what: what });
    if ("write_in" in data && !(Array.isArray(data.write_in) && data.write_in.length <= 100 && data.write_in.every(noteSound))) return Playbook.t("workspace_file.meeting_notes", { what: what });
    if (!("commitments" in data)) return null;
    if (!Array.isArray(data.commitments) || data.commitments.length > 200) return Playbook.t("workspace_file.meeting_commitments", { what: what });
    for (var i = 0; i < data.commitments.length; i += 1) {
      var commitment = data.commitments[i];
      var which = Playbook.t("workspace_file.commitment", { what: what, number: i + 1 });
      if (!isObject(commitment) || typeof commitment.text !== "string" || !commitment.text.length || commitment.text.length > 1000) return Playbook.t("workspace_file.commitment_text", { which: which });
      var problem = dateProblem(commitment.due, Playbook.t("workspace_file.due_date", { which: which }));
      if (problem) return problem;
      if (!(commitment.done === false || commitment.done === null || (typeof commitment.done === "string" && DATE.test(commitment.done)))) return Playbook.t("workspace_file.commitment_done", { which: which });
      if ("owner" in commitment && commitment.owner !== "rep" && commitment.owner !== "manager") return Playbook.t("workspace_file.commitment_owner", { which: which });
      problem = laterProblem(commitment, which);
      if (problem) return problem;
    }
    return null;
  }

  /* A rep's time away (time-away.js): its tool, and the first day back, after the record's date, the first day
     away. */
  function awayProblem(record, what) {
    var fields = Object.keys(record.data);
    var sound = record.tool === "time-away" && fields.length === 1 && fields[0] === "back" && !dateProblem(record.data.back, "") && record.data.back > record.date;
    return sound ? null : Playbook.t("workspace_file.away_back", { what: what });
  }

  /* Who rated a level result and about which account, when its result says (level-rating.js). */
  function ratingProblem(data, what) {
    var result = data.result;
    if (!isObject(result)) return null;
    if ("rated_by" in result && result.rated_by !== "self" && result.rated_by !== "manager") return Playbook.t("workspace_file.rated_by", { what: what });
    if ("account" in result && (typeof result.account !== "string" || result.account.length > Playbook.levelRating.ACCOUNT_MAX)) return Playbook.t("workspace_file.account", { what: what, most: String(Playbook.levelRating.ACCOUNT_MAX) });
    return null;
  }

  function recordProblem(record, where) {
    var what = where || Playbook.t("workspace_file.the_record");
    var problem = fieldsProblem(record, "call" in Object(record) ? ["kind", "tool", "date", "call", "data", "saved"] : ["kind", "tool", "date", "data", "saved"], what) || callProblem(record, what);
    if (problem) return problem;
    if (Playbook.workspace.KINDS.indexOf(record.kind) < 0) return Playbook.t("workspace_file.unknown_kind", { what: what, kind: quote(record.kind), kinds: Playbook.workspace.KINDS.join(", ") });
    if (typeof record.tool !== "string" || record.tool.length > 80 || !TOOL.test(record.tool)) return Playbook.t("workspace_file.tool_name", { what: what, tool: quote(record.tool) });
    problem = dateProblem(record.date, Playbook.t("workspace_file.its_date", { what: what }));
    if (problem) return problem;
    if (!isObject(record.data)) return Playbook.t("workspace_file.answers_object", { what: what });
    problem = objectProblem(record.data, LIMITS.depth, Playbook.t("workspace_file.answer_value", { what: what })) || (record.kind === "one-to-one" ? oneToOneProblem(record.data, what) : null) || (record.kind === "assessment" ? ratingProblem(record.data, what) : null) || (record.kind === "away" ? awayProblem(record, what) : null) || (record.kind === "decision" ? decisionProblem(record.data, what) : null);
    if (problem) return problem;
    return typeof record.saved === "string" && SAVED.test(record.saved) ? null : Playbook.t("workspace_file.saved_time", { what: what });
  }

  /* A day's second or later call (the first has no call): a whole number from 2, on a form filled in for each
     meeting. */
  function callProblem(record, what) {
    if (!("call" in record)) return null;
    var call = record.call;
    var ws = Playbook.workspace;
    return ws.PER_MEETING.indexOf(record.kind) >= 0 && typeof call === "number" && Math.floor(call) === call && call >= 2 && call <= ws.MOST_CALLS ? null
      : Playbook.t("workspace_file.call_number", { what: what, most: String(ws.MOST_CALLS) });
  }

  function repProblem(rep, number) {
    var what = Playbook.t("workspace_file.rep", { number: number });
    var problem = fieldsProblem(rep, ["id", "name", "added", "records"], what);
    if (problem) return problem;
    if (typeof rep.id !== "string" || !REP_ID.test(rep.id)) return Playbook.t("workspace_file.rep_id", { what: what, id: quote(rep.id) });
    if (typeof rep.name !== "string" || !rep.name.length) return Playbook.t("workspace_file.rep_no_name", { what: what });
    if (/[<>]/.test(rep.name)) return Playbook.t("workspace_file.rep_name_markup", { what: what });
    if (rep.name.length > 60) return Playbook.t("workspace_file.rep_name_long", { what: what });
    what = Playbook.t("workspace_file.rep_named", { number: number, name: rep.name });
    problem = dateProblem(rep.added, Playbook.t("workspace_file.date_added", { what: what }));
    if (problem) return problem;
    if (!Array.isArray(rep.records)) return Playbook.t("workspace_file.records_list", { what: what });
    if (rep.records.length > LIMITS.records) return Playbook.t("workspace_file.too_many_records", { what: what, most: String(LIMITS.records) });
    var seen = {};
    for (var i = 0; i < rep.records.length; i += 1) {
      problem = recordProblem(rep.records[i], Playbook.t("workspace_file.rep_record", { what: what, number: i + 1 }));
      if (problem) return problem;
      var id = Playbook.workspace.slot(rep.records[i]);
      if (seen[id]) return rep.records[i].call ? Playbook.t("workspace_file.two_records_call", { what: what, tool: rep.records[i].tool, date: rep.records[i].date, call: String(rep.records[i].call) })
        : Playbook.t("workspace_file.two_records", { what: what, tool: rep.records[i].tool, date: rep.records[i].date });
      seen[id] = true;
    }
    return null;
  }

  function fileProblem(file) {
    if (!isObject(file) || file.format !== FORMAT) return Playbook.t("workspace_file.not_workspace");
    if (typeof file.version !== "number" || Math.floor(file.version) !== file.version) return Playbook.t("workspace_file.version_whole");
    if (file.version > VERSION) return Playbook.t("workspace_file.version_newer", { version: String(file.version), known: String(VERSION) });
    if (file.version < 1) return Playbook.t("workspace_file.version_never", { version: String(file.version) });
    var problem = fieldsProblem(file, ["format", "version", "exported", "handbook", "reps"], Playbook.t("workspace_file.the_file")) ||
      dateProblem(file.exported, Playbook.t("workspace_file.export_date")) ||
      textProblem(file.handbook, 200, Playbook.t("workspace_file.handbook_name")) ||
      (MARKUP.test(file.handbook) ? Playbook.t("workspace_file.handbook_markup") : null) ||
      (typeof file.handbook === "string" && file.handbook.length ? null : Playbook.t("workspace_file.no_handbook"));
    if (problem) return problem;
    if (!Array.isArray(file.reps) || !file.reps.length) return Playbook.t("workspace_file.no_reps");
    if (file.reps.length > LIMITS.reps) return Playbook.t("workspace_file.too_many_reps", { most: String(LIMITS.reps) });
    var ids = {};
    for (var i = 0; i < file.reps.length; i += 1) {
      problem = repProblem(file.reps[i], i + 1);
      if (problem) return problem;
      if (ids[file.reps[i].id]) return Playbook.t("workspace_file.same_id", { id: quote(file.reps[i].id) });
      ids[file.reps[i].id] = true;
    }
    return null;
  }

  /* A file refused before its contents are read: what is wrong is the whole message. */
  function refused(problem) {
    return { error: problem, problem: problem };
  }

  function check(text) {
    if (typeof text !== "string") return refused(Playbook.t("workspace_file.not_text_file"));
    if (text.length > MAX_BYTES) return refused(TOO_LARGE);
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return refused(Playbook.t("workspace_file.not_json"));
    }
    var problem = fileProblem(file);
    return problem ? { error: Playbook.t("workspace_file.not_imported", { problem: problem }), problem: problem } : { file: file };
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
      /* the day the rep was added, from the file: a first 1:1 overdue on one laptop is overdue on the next; the
         reader's own ("me") has none of its own, only the day it was exported */
      var since = plan[i].rep.id === "me" ? null : plan[i].rep.added;
      if (!plan[i].into) {
        var added = Playbook.workspace.addRep(plan[i].name, plan[i].id, since);
        if (added.error) return added.error;
        plan[i].into = added.rep.id;
      }
      var problem = (since && Playbook.workspace.addedBy(plan[i].into, since)) || Playbook.workspace.merge(plan[i].into, plan[i].rep.records, true);
      if (problem) return problem;
    }
    return null;
  }

  function importFile(file, target) {
    var problem = fileProblem(file);
    if (problem) return Playbook.t("workspace_file.not_imported", { problem: problem });
    if (file.reps.length === 1 && !(target && (target.rep || typeof target.name === "string"))) return Playbook.t("workspace_file.choose_target");
    var plan = destinations(file, target);
    var restore = snapshot(plan.map(function (step) { return step.into || step.id; }));
    problem = store(plan);
    if (problem) {
      restore(plan.filter(function (step) { return step.name !== undefined && step.into; }).map(function (step) { return step.into; }));
      return Playbook.t("workspace_file.not_imported", { problem: problem });
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
