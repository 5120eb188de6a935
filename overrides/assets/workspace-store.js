/* Playbook.workspaceStore: a rep's records in the compact form kept in localStorage (workspace.js).

   Two years of weekly records repeat the same field names, statement ids, fingerprints and dates thousands
   of times; written as plain JSON, 30 reps filled 97% of what a browser allows a site. The compact form writes
   each object's list of field names once per rep (a "shape") and each text once (a "string"):
     {v: 2, k: [shapes: [field names]], s: [strings], r: [records]}
   where, inside r, a value is
     null, true, false       as is
     a number                as text ("75"), so that a bare number always means a string
     a string                its index in s
     an object               [index of its shape in k, plus 1, then its values in the shape's order]
     a list                  [0, then its items]
   So {answers: {"asks-why": {value: 3, fingerprint: "5ee90e4a0a"}}} is stored as [1, [2, [3, "3", 0]]], the
   shapes and the fingerprint written once however many records share them. The export file keeps the plain
   records (workspace-file.js); this form never leaves the browser's storage.

     pack(records)   the text to store
     unpack(text)    the records, or null when the text isn't this form; a record that doesn't decode is
                     left out (workspace.js then checks each one as it checks an imported file's) */
(function (Playbook) {
  "use strict";

  var VERSION = 2;
  /* deeper than any record may be (workspace-file.js allows 6 levels of data): a planted text can't recurse far */
  var MAX_DEPTH = 12;

  /* Each save packs the rep's whole history, so this stays quick: Maps (no string ever clashes with a built-in
     key, "__proto__" included) and a tree of field names, one Map per field, to find an object's shape. */
  function pack(records) {
    var shapes = [];
    var shapeTree = new Map();
    var strings = [];
    var stringIndex = new Map();

    function stringRef(text) {
      var known = stringIndex.get(text);
      if (known === undefined) {
        known = strings.length;
        stringIndex.set(text, known);
        strings.push(text);
      }
      return known;
    }

    function shapeRef(fields) {
      var node = shapeTree;
      for (var i = 0; i < fields.length; i += 1) {
        if (!node.has(fields[i])) node.set(fields[i], new Map());
        node = node.get(fields[i]);
      }
      if (node.shape === undefined) {
        shapes.push(fields);
        node.shape = shapes.length;
      }
      return node.shape;
    }

    function encode(value) {
      if (value === null || typeof value === "boolean") return value;
      if (typeof value === "number") return String(value);
      if (typeof value === "string") return stringRef(value);
      var packed = [0];
      var i;
      if (Array.isArray(value)) {
        for (i = 0; i < value.length; i += 1) packed.push(encode(value[i]));
        return packed;
      }
      var fields = Object.keys(value);
      packed[0] = shapeRef(fields);
      for (i = 0; i < fields.length; i += 1) packed.push(encode(value[fields[i]]));
      return packed;
    }

    var packed = records.map(encode);
    return JSON.stringify({ v: VERSION, k: shapes, s: strings, r: packed });
  }

  function isIndex(value, list) {
    return typeof value === "number" && Math.floor(value) === value && value >= 0 && value < list.length;
  }

  function decoder(shapes, strings) {
    return function decode(value, depth) {
      if (value === null || typeof value === "boolean") return value;
      if (typeof value === "string") {
        var number = Number(value);
        if (value === "" || !isFinite(number)) throw new Error("not a number");
        return number;
      }
      if (typeof value === "number") {
        if (!isIndex(value, strings)) throw new Error("no such string");
        return strings[value];
      }
      if (!Array.isArray(value) || !value.length || depth > MAX_DEPTH) throw new Error("not a value");
      var i;
      if (value[0] === 0) {
        var list = [];
        for (i = 1; i < value.length; i += 1) list.push(decode(value[i], depth + 1));
        return list;
      }
      if (!isIndex(value[0] - 1, shapes)) throw new Error("no such shape");
      var fields = shapes[value[0] - 1];
      if (fields.length !== value.length - 1) throw new Error("wrong number of fields");
      var object = {};
      for (i = 0; i < fields.length; i += 1) {
        /* a record with "__proto__" is refused anyway; assigning it would set the object's prototype */
        if (fields[i] === "__proto__") throw new Error("a field the handbook never keeps");
        object[fields[i]] = decode(value[i + 1], depth + 1);
      }
      return object;
    };
  }

  function validShapes(shapes) {
    return Array.isArray(shapes) && shapes.every(function (fields) {
      return Array.isArray(fields) && fields.every(function (field) { return typeof field === "string"; });
    });
  }

  function unpack(text) {
    var stored;
    try {
      stored = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!stored || stored.v !== VERSION || !validShapes(stored.k) || !Array.isArray(stored.s) || !Array.isArray(stored.r)) return null;
    if (!stored.s.every(function (item) { return typeof item === "string"; })) return null;
    var decode = decoder(stored.k, stored.s);
    var records = [];
    stored.r.forEach(function (item) {
      try {
        records.push(decode(item, 0));
      } catch (error) {
        /* a damaged record is left out, as a malformed one is */
      }
    });
    return records;
  }

  Playbook.workspaceStore = { pack: pack, unpack: unpack };
})((window.Playbook = window.Playbook || { widgets: [] }));
