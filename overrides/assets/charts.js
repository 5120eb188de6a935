/* Playbook.charts: the small inline SVG charts of the rep history and the team view, drawn by our own code
   (no library, no network). Each chart is a <figure>: its title as the caption (paper shows whose it is), an
   SVG with a title and a description a screen reader reads as one image, and under it the figures as a
   table, so nothing is only in the drawing. Text is only
   ever set as textContent.

     line(spec)    a line through dated points; spec.step draws it as steps (a level holds until the next result)
     bars(spec)    one bar per point
   spec: {title, summary (the description), points: [{label, value, note}] in order (note: the text over a
   bar, such as "4/5"), min, max, every (label every point under the axis, for a few categories), ticks: [{value, label}] (the y axis), table: {caption, columns, rows}}
   and, for small multiples that share one time axis (line only):
     small         a small drawing, several to a row
     slots         how many places the x axis has (e.g. every week from the team's first check to its last);
                   a point's slot says where it stands (default: one place per point, in order)
     axis          {from, to}: the x axis's labels at its two ends, the same on every chart (default: the
                   points' labels)
     reference     {points: [{slot, value}]}: a dashed line to compare with (the team's median), drawn
                   under the chart's own solid line, so the two differ in black and white too */
(function (Playbook) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  /* Drawing sizes in SVG units, which the figure scales to its width: a full chart on a phone is drawn narrow, so
     its 11-unit labels stay about 11 px instead of shrinking to 6 (a phone reviewer's case). */
  var SIZES = { full: { width: 600, height: 220 }, narrow: { width: 360, height: 220 }, small: { width: 300, height: 140 } };
  var PHONE = "(max-width: 30em)";
  var TOP = 16;
  var BOTTOM = 30;
  var RIGHT = 12;
  var MOST_X_LABELS = 6;
  var made = 0;

  function svgNode(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function node(name, className, text) {
    var element = document.createElement(name);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /* A category's label in lines of at most `most` characters, word by word (a level's name under its bar). */
  function wrap(label, most) {
    return label.split(" ").reduce(function (lines, word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= most) lines[last] += " " + word;
      else lines.push(word);
      return lines;
    }, []);
  }

  /* The drawing area: the y axis room is sized to the longest tick label (level names are long), and the x
     axis room to the most lines a category's label takes. */
  function frame(spec) {
    var size = SIZES[spec.small ? "small" : window.matchMedia(PHONE).matches ? "narrow" : "full"];
    var longest = spec.ticks.reduce(function (most, tick) { return Math.max(most, tick.label.length); }, 0);
    var left = Math.min(170, 14 + longest * 6.2);
    var perLabel = Math.max(4, Math.floor((size.width - RIGHT - left) / Math.max(spec.points.length, 1) / 6.2));
    var labels = spec.points.map(function (point) { return spec.every === 1 ? wrap(point.label, perLabel) : [point.label]; });
    var lines = labels.reduce(function (most, label) { return Math.max(most, label.length); }, 1);
    var span = spec.max - spec.min || 1;
    var slots = spec.slots || spec.points.length;
    var gap = (size.width - RIGHT - left) / Math.max(slots, 1);
    return {
      left: left,
      right: size.width - RIGHT,
      width: size.width,
      axisY: size.height - 10,
      labels: labels,
      height: size.height + 13 * (lines - 1),
      x: function (slot) { return left + gap * (slot + 0.5); },
      y: function (value) { return TOP + (size.height - TOP - BOTTOM) * (1 - (value - spec.min) / span); }
    };
  }

  function axes(svg, spec, box) {
    spec.ticks.forEach(function (tick) {
      var y = box.y(tick.value);
      svg.append(svgNode("line", { x1: box.left, x2: box.right, y1: y, y2: y, "class": "pb-chart__grid" }));
      svg.append(svgNode("text", { x: box.left - 6, y: y + 4, "text-anchor": "end", "class": "pb-chart__tick" }, tick.label));
    });
  }

  /* Labels under the x axis: every one for a few categories (spec.every: 1), else for dates at most
     MOST_X_LABELS, evenly picked, the last always shown. */
  function xLabels(svg, spec, box, xs) {
    if (spec.axis) {
      svg.append(svgNode("text", { x: box.left, y: box.axisY, "text-anchor": "start", "class": "pb-chart__tick" }, spec.axis.from));
      svg.append(svgNode("text", { x: box.right, y: box.axisY, "text-anchor": "end", "class": "pb-chart__tick" }, spec.axis.to));
      return;
    }
    var every = spec.every || Math.max(1, Math.ceil(spec.points.length / MOST_X_LABELS));
    spec.points.forEach(function (point, i) {
      if (i % every && i !== spec.points.length - 1) return;
      if (i !== spec.points.length - 1 && spec.points.length - 1 - i < every) return;
      var text = svgNode("text", { x: xs[i], y: box.axisY, "text-anchor": "middle", "class": "pb-chart__tick" });
      box.labels[i].forEach(function (line, n) { text.append(svgNode("tspan", { x: xs[i], dy: n ? 13 : 0 }, line)); });
      svg.append(text);
    });
  }

  /* A table with its caption and column headers, and its empty body to fill. */
  function headedTable(caption, columns) {
    var table = node("table");
    table.append(node("caption", "", caption));
    var head = node("tr");
    columns.forEach(function (column) {
      var th = node("th", "", column);
      th.scope = "col";
      head.append(th);
    });
    var thead = node("thead");
    thead.append(head);
    var body = node("tbody");
    table.append(thead, body);
    return { table: table, body: body };
  }

  function table(spec) {
    var details = node("details", "pb-chart__figures");
    details.append(node("summary", "", Playbook.t("charts.figures")));
    var headed = headedTable(spec.table.caption, spec.table.columns);
    var grid = headed.table;
    var body = headed.body;
    grid.setAttribute("data-chart-table", "");
    spec.table.rows.forEach(function (cells) {
      var tr = node("tr");
      cells.forEach(function (cell, i) {
        var td = node(i ? "td" : "th", "", cell);
        if (!i) td.scope = "row";
        tr.append(td);
      });
      body.append(tr);
    });
    details.append(grid);
    return details;
  }

  /* The figure around a drawing: the SVG named by its title and description, then the table. */
  function figure(spec, kind, draw) {
    made += 1;
    var id = "pb-chart-" + made;
    var box = frame(spec);
    var svg = svgNode("svg", { viewBox: "0 0 " + box.width + " " + box.height, role: "img", "aria-labelledby": id + "-title", "aria-describedby": id + "-desc", "class": "pb-chart__svg", "data-chart": kind });
    svg.append(svgNode("title", { id: id + "-title" }, spec.title), svgNode("desc", { id: id + "-desc" }, spec.summary));
    axes(svg, spec, box);
    draw(svg, box);
    var wrapper = node("figure", spec.small ? "pb-chart pb-chart--small" : "pb-chart");
    wrapper.append(node("figcaption", "pb-chart__caption", spec.title), svg);
    if (spec.key) wrapper.append(node("p", "pb-chart__key", spec.key));
    wrapper.append(table(spec));
    return wrapper;
  }

  /* The path through points at x positions `xs`: straight, or stepped. A straight one doesn't join two points of
     the same `day` (two calls watched that day are two calls, not a rise or a fall). */
  function path(points, xs, box, step) {
    return points.map(function (point, i) {
      var here = xs[i] + "," + box.y(point.value);
      if (!i || !step && point.day !== undefined && point.day === points[i - 1].day) return "M" + here;
      return step ? "H" + xs[i] + "V" + box.y(point.value) : "L" + here;
    }).join("");
  }

  function line(spec) {
    return figure(spec, spec.step ? "step" : "line", function (svg, box) {
      var n = spec.points.length;
      var xs = spec.points.map(function (point, i) { return box.x(point.slot === undefined ? i : point.slot); });
      if (spec.reference && spec.reference.points.length > 1) {
        var along = spec.reference.points.map(function (point) { return box.x(point.slot); });
        svg.append(svgNode("path", { d: path(spec.reference.points, along, box, false), "class": "pb-chart__reference", "data-reference": "" }));
      }
      if (n > 1) svg.append(svgNode("path", { d: path(spec.points, xs, box, spec.step), "class": "pb-chart__line" }));
      spec.points.forEach(function (point, i) {
        /* a point whose result is lower than its value alone says (point.held) is drawn hollow: see spec.key */
        var dot = svgNode("circle", { cx: xs[i], cy: box.y(point.value), r: 3.5, "class": point.held ? "pb-chart__point pb-chart__point--held" : "pb-chart__point", "data-value": point.value });
        dot.append(svgNode("title", {}, point.label + ": " + point.note));
        svg.append(dot);
      });
      xLabels(svg, spec, box, xs);
    });
  }

  function bars(spec) {
    return figure(spec, "bars", function (svg, box) {
      var gap = (box.right - box.left) / Math.max(spec.points.length, 1);
      var xs = spec.points.map(function (point, i) { return box.x(i); });
      spec.points.forEach(function (point, i) {
        var top = box.y(point.value);
        var bar = svgNode("rect", { x: xs[i] - gap * 0.35, width: gap * 0.7, y: top, height: Math.max(0, box.y(spec.min) - top), "class": "pb-chart__bar", "data-value": point.value });
        bar.append(svgNode("title", {}, point.label + ": " + point.note));
        svg.append(bar);
        if (gap >= 24) svg.append(svgNode("text", { x: xs[i], y: top - 4, "text-anchor": "middle", "class": "pb-chart__note" }, point.note));
      });
      xLabels(svg, spec, box, xs);
    });
  }

  /* A filled table that turns into a card per row on a phone (tables.css, data-stack): each cell labelled with
     its column's heading, as the build labels the tables it writes. */
  function stacked(table) {
    var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent; });
    table.setAttribute("data-stack", "");
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.cells, function (cell, i) {
        if (cell.tagName === "TD" && headings[i]) cell.setAttribute("data-label", headings[i]);
      });
    });
    return table;
  }

  Playbook.charts = { line: line, bars: bars, node: node, headedTable: headedTable, stacked: stacked };
})((window.Playbook = window.Playbook || { widgets: [] }));
