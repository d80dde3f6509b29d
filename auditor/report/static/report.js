/* auditor report: sortable paged tables, family toggles, the graph's details. No network, no libraries.
   Untrusted text only ever reaches the page through textContent, never as markup. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* ---- sortable, filterable, paged tables (the index holds 1,000+ rows) ---- */
  function initTable(table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var tools = document.querySelector('.table-tools[data-table="' + table.id + '"]');
    var size = parseInt(table.getAttribute("data-page-size"), 10) || 50;
    var page = 0, view = rows.slice(), sortCol = -1, sortDir = 1;
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var filterInput = tools && tools.querySelector(".filter");
    var sizeSel = tools && tools.querySelector(".pagesize");
    var info = tools && tools.querySelector(".pageinfo");
    var prev = tools && tools.querySelector(".prev");
    var next = tools && tools.querySelector(".next");
    if (tools) tools.hidden = false;
    heads.forEach(function (th, i) { if (th.getAttribute("aria-sort")) sortCol = i; });

    function key(row, col) {
      var c = row.cells[col];
      var v = c ? c.getAttribute("data-v") : "";
      return heads[col].getAttribute("data-type") === "num" ? parseFloat(v) || 0 : (v || "").toLowerCase();
    }
    function draw() {
      var n = view.length, pages = size > 0 ? Math.max(1, Math.ceil(n / size)) : 1;
      if (page >= pages) page = pages - 1;
      var from = size > 0 ? page * size : 0, to = size > 0 ? Math.min(n, from + size) : n;
      var frag = document.createDocumentFragment();
      for (var i = from; i < to; i++) frag.appendChild(view[i]);
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      tbody.appendChild(frag);
      if (info) info.textContent = n ? (from + 1) + "–" + to + " of " + n + (n < rows.length ? " (filtered from " + rows.length + ")" : "") : "no matching article";
      if (prev) prev.disabled = page <= 0;
      if (next) next.disabled = page >= pages - 1;
    }
    function sortBy(col, dir) {
      sortCol = col; sortDir = dir;
      heads.forEach(function (th, i) {
        if (i === col) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      view.sort(function (a, b) {
        var x = key(a, col), y = key(b, col);
        return x < y ? -dir : x > y ? dir : 0;
      });
    }
    function filter() {
      var q = filterInput ? filterInput.value.trim().toLowerCase() : "";
      view = rows.filter(function (r, i) { return !q || texts[i].indexOf(q) >= 0; });
      if (sortCol >= 0) sortBy(sortCol, sortDir);
      page = 0;
      draw();
    }
    heads.forEach(function (th, i) {
      var b = th.querySelector("button");
      if (!b) return;
      b.addEventListener("click", function () {
        sortBy(i, sortCol === i ? -sortDir : 1);
        page = 0;
        draw();
      });
    });
    if (filterInput) filterInput.addEventListener("input", filter);
    if (sizeSel) sizeSel.addEventListener("change", function () { size = parseInt(sizeSel.value, 10) || 0; page = 0; draw(); });
    if (prev) prev.addEventListener("click", function () { page--; draw(); });
    if (next) next.addEventListener("click", function () { page++; draw(); });
    draw();
  }

  /* ---- family toggles on an article page ---- */
  function initToggles() {
    var text = document.getElementById("article-text");
    if (!text) return;
    document.querySelectorAll("input.famtoggle").forEach(function (box) {
      box.addEventListener("change", function () {
        var cls = box.getAttribute("data-family");
        var off = !box.checked;
        text.classList.toggle("hide-" + cls, off);
        text.querySelectorAll("mark." + cls + ", sup." + cls).forEach(function (m) { m.classList.toggle("off", off); });
        document.querySelectorAll('#findings li[data-family="' + cls + '"]').forEach(function (li) { li.classList.toggle("off", off); });
      });
    });
    // a finding's label flashes its whole span
    document.querySelectorAll("#findings a.flabel").forEach(function (a) {
      a.addEventListener("click", function () {
        var i = a.getAttribute("href").slice(3);
        document.querySelectorAll(".flash").forEach(function (m) { m.classList.remove("flash"); });
        text.querySelectorAll('mark[data-f~="' + i + '"]').forEach(function (m) { m.classList.add("flash"); });
      });
    });
  }

  /* ---- the graph: evidence of an edge, links of a node ---- */
  function initGraph() {
    var svg = document.getElementById("graph");
    var dataEl = document.getElementById("graph-data");
    if (!svg || !dataEl) return;
    var data = JSON.parse(dataEl.textContent);
    var detail = document.getElementById("graph-detail");
    var edgeEls = svg.querySelectorAll("g.edge");
    var nodeEls = svg.querySelectorAll("g.node");

    function clearSel() {
      svg.querySelectorAll(".sel, .dim").forEach(function (x) { x.classList.remove("sel", "dim"); });
    }
    function nodeLink(i) {
      var n = data.nodes[i];
      var span = el("span");
      if (n.href) { var a = el("a", null, n.label); a.href = n.href; span.appendChild(a); }
      else span.appendChild(el("span", null, n.label));
      span.appendChild(el("span", "muted small", " " + n.kind));
      return span;
    }
    function dl(pairs) {
      var d = el("dl");
      pairs.forEach(function (p) { d.appendChild(el("dt", null, p[0])); var dd = el("dd"); if (p[1] instanceof Node) dd.appendChild(p[1]); else dd.textContent = p[1]; d.appendChild(dd); });
      return d;
    }
    function evidenceList(ev) {
      var items = ev === null || ev === undefined ? [] : Array.isArray(ev) ? ev : [ev];
      if (!items.length) return el("p", "muted", "No evidence recorded for this edge.");
      var ul = el("ul", "evidence");
      items.forEach(function (it) {
        var li = el("li");
        if (it && typeof it === "object") {
          var txt = it.text || it.quote || it.snippet || it.excerpt;
          if (txt) li.appendChild(el("span", null, "“" + txt + "”"));
          var rest = Object.keys(it).filter(function (k) { return ["text", "quote", "snippet", "excerpt"].indexOf(k) < 0; });
          if (rest.length) li.appendChild(el("div", "muted small", rest.map(function (k) { return k + ": " + (typeof it[k] === "object" ? JSON.stringify(it[k]) : it[k]); }).join(" · ")));
        } else {
          li.textContent = String(it);
        }
        ul.appendChild(li);
      });
      return ul;
    }
    function showEdge(k) {
      var e = data.edges[k];
      clearSel();
      edgeEls.forEach(function (g) { if (g.getAttribute("data-e") !== String(k)) g.classList.add("dim"); else g.classList.add("sel"); });
      nodeEls.forEach(function (g) { var i = +g.getAttribute("data-n"); if (i !== e.source && i !== e.target) g.classList.add("dim"); });
      detail.textContent = "";
      detail.appendChild(el("h3", null, (e.kind || "link") + " edge"));
      detail.appendChild(dl([["from", nodeLink(e.source)], ["to", nodeLink(e.target)], ["weight", e.weight === null || e.weight === undefined ? "–" : e.weight]]));
      detail.appendChild(el("h3", null, "Evidence"));
      detail.appendChild(evidenceList(e.evidence));
    }
    function showNode(i) {
      var n = data.nodes[i];
      clearSel();
      var linked = {}; linked[i] = true;
      var mine = [];
      data.edges.forEach(function (e, k) { if (e.source === i || e.target === i) { mine.push(k); linked[e.source] = linked[e.target] = true; } });
      edgeEls.forEach(function (g) { if (mine.indexOf(+g.getAttribute("data-e")) < 0) g.classList.add("dim"); });
      nodeEls.forEach(function (g) { var j = +g.getAttribute("data-n"); if (!linked[j]) g.classList.add("dim"); if (j === i) g.classList.add("sel"); });
      detail.textContent = "";
      detail.appendChild(el("h3", null, n.label));
      detail.appendChild(dl([["kind", n.kind], ["page", n.href ? nodeLink(i) : "–"], ["links", String(mine.length)]]));
      var ul = el("ul", "evidence");
      mine.slice(0, 60).forEach(function (k) {
        var e = data.edges[k], li = el("li"), a = el("a", null, (e.kind || "link") + (e.source === i ? " → " + data.nodes[e.target].label : " ← " + data.nodes[e.source].label));
        a.href = "#"; a.addEventListener("click", function (ev) { ev.preventDefault(); showEdge(k); });
        li.appendChild(a); ul.appendChild(li);
      });
      detail.appendChild(ul);
    }
    function activate(g, fn) {
      g.addEventListener("click", fn);
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(); } });
    }
    edgeEls.forEach(function (g) { activate(g, function () { showEdge(+g.getAttribute("data-e")); }); });
    nodeEls.forEach(function (g) { activate(g, function () { showNode(+g.getAttribute("data-n")); }); });
    document.querySelectorAll("input.edgetoggle").forEach(function (box) {
      box.addEventListener("change", function () {
        var kind = box.getAttribute("data-kind");
        edgeEls.forEach(function (g) { if (g.getAttribute("data-kind") === kind) g.classList.toggle("hidden", !box.checked); });
      });
    });
  }

  function init() {
    document.querySelectorAll("table.sortable").forEach(initTable);
    initToggles();
    initGraph();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
