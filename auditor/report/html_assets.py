"""The HTML report's inline style and script (report/html.py): no network, no external files.

The script only sorts and filters rows that are already in the page, so the
report reads the same with scripts off; the filters are kept in the address
(`report.html#code=R201&severity=error`), so a link shows the same rows. It marks
`<body data-ready>` when done.
"""
from __future__ import annotations

CSS = """
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
margin:1.5rem auto;max-width:90rem;padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem;margin-bottom:.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
h3{font-size:1rem;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}
table.sortable th[data-dir=asc]::after{content:" ▲"}table.sortable th[data-dir=desc]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
mark{background:#fff3b0;font-weight:600;padding:0 .1em}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700;font-weight:600}.sev-info{color:#0969da}
.arith{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
.fp{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;color:#57606a}
.msg{color:#57606a}td.msg{min-width:10rem}td.sentence{min-width:18rem}td.arith{white-space:normal;min-width:9rem}td.nowrap{white-space:nowrap}.ok{color:#1a7f37}.docerror{color:#cf222e;font-weight:600}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.5rem 0 1rem}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.4rem .8rem;min-width:6rem}
.card b{display:block;font-size:1.4rem}.card.error b{color:#cf222e}.card.warning b{color:#9a6700}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;margin:.5rem 0;padding:.5rem;background:#f6f8fa;
border:1px solid #d0d7de;border-radius:6px}
.filters select,.filters input{font:inherit;padding:.15rem .3rem;max-width:24rem}
td.docname{white-space:nowrap}td.docname .doclink{word-break:normal}
tr.waived td{background:#f6f8fa;color:#57606a}
.doclink{cursor:pointer;color:#0969da;text-decoration:underline;word-break:break-all}
ul.claims{list-style:none;padding-left:0}ul.claims li{margin:.15rem 0}
"""

JS = """
(function () {
  "use strict";
  function key(cell) {
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent.trim(); }
    var n = Number(v);
    return v !== "" && !isNaN(n) ? n : v;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), "zh-CN");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      th.addEventListener("click", function () {
        var dir = th.getAttribute("data-dir") === "asc" ? "desc" : "asc";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("data-dir"); });
        th.setAttribute("data-dir", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) {
          var c = compare(key(r.cells[i]), key(s.cells[i]));
          return dir === "asc" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  var table = document.getElementById("findings");
  var controls = document.getElementById("filters");
  if (table && controls) {
    var code = document.getElementById("f-code"), sev = document.getElementById("f-severity");
    var doc = document.getElementById("f-doc"), q = document.getElementById("f-q");
    var shown = document.getElementById("f-shown");
    var apply = function () {
      var n = 0, text = q.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var ok = (!code.value || r.getAttribute("data-code") === code.value) &&
          (!sev.value || r.getAttribute("data-severity") === sev.value) &&
          (!doc.value || r.getAttribute("data-doc") === doc.value) &&
          (!text || r.textContent.toLowerCase().indexOf(text) >= 0);
        r.hidden = !ok;
        if (ok) { n += 1; }
      });
      shown.textContent = String(n);
    };
    var remember = function () {  // the filters live in the address (#code=R201&severity=error): a link keeps them
      var parts = [];
      [["code", code], ["severity", sev], ["doc", doc], ["q", q]].forEach(function (p) {
        if (p[1].value) { parts.push(p[0] + "=" + encodeURIComponent(p[1].value)); }
      });
      if (window.history && history.replaceState) {
        history.replaceState(null, "", parts.length ? "#" + parts.join("&") : "#");
      }
    };
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("="), el = {code: code, severity: sev, doc: doc, q: q}[kv.slice(0, i)];
      if (i > 0 && el) {
        var v = decodeURIComponent(kv.slice(i + 1));
        if (el.tagName !== "SELECT" || Array.prototype.some.call(el.options, function (o) { return o.value === v; })) {
          el.value = v;
        }
      }
    });
    [code, sev, doc].forEach(function (el) { el.addEventListener("change", function () { apply(); remember(); }); });
    q.addEventListener("input", function () { apply(); remember(); });
    document.querySelectorAll("[data-filter-doc]").forEach(function (el) {
      el.addEventListener("click", function () {
        doc.value = el.getAttribute("data-filter-doc");
        apply();
        remember();
        table.scrollIntoView();
      });
    });
    controls.hidden = false;
    apply();
  }
  document.body.setAttribute("data-ready", "1");
})();
"""
