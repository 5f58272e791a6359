// textcheck report: clicking a finding highlights its span in the source, its table cell(s) and,
// for a PDF, shows the pages involved side by side with the figures boxed; clicking a highlighted
// span selects its finding.  The filter chips show or hide findings by severity and category.
(function () {
  "use strict";
  var header = document.querySelector("header.top");
  // inside the reviewer page the page's own bar already names the tool: keep only the filters
  try { if (window.self !== window.top) document.body.classList.add("embedded"); } catch (e) { document.body.classList.add("embedded"); }
  function fitHeader() {  // the panes take the height the sticky header leaves
    if (header) document.documentElement.style.setProperty("--header-h", header.offsetHeight + "px");
  }
  fitHeader();
  window.addEventListener("resize", fitHeader);

  function clear() {
    document.querySelectorAll(".active, .hl-cell, .box.on, .page.shown").forEach(function (el) {
      el.classList.remove("active"); el.classList.remove("hl-cell"); el.classList.remove("on"); el.classList.remove("shown");
    });
    document.querySelectorAll(".doc.paging").forEach(function (d) { d.classList.remove("paging"); });
  }
  function select(item, scrollList) {
    clear();
    var id = item.getAttribute("data-diag");
    var doc = item.closest(".doc");
    item.classList.add("active");
    document.querySelectorAll('mark[data-diag~="' + id + '"], .ev[data-ev~="' + id + '"]').forEach(function (m) {
      m.classList.add("active");
    });
    var firstCell = null;
    (item.getAttribute("data-cells") || "").split(" ").filter(Boolean).forEach(function (cid) {
      var c = document.getElementById(cid);
      if (c) { c.classList.add("hl-cell"); firstCell = firstCell || c; }
    });
    var pages = (item.getAttribute("data-pages") || "").split(" ").filter(Boolean);
    var boxes = doc ? doc.querySelectorAll('.box[data-diag="' + id + '"]') : [];
    if (doc && pages.length) {
      doc.classList.add("paging");
      pages.forEach(function (n) {
        var p = document.getElementById(doc.id + "-p" + n);
        if (p) p.classList.add("shown");
      });
      boxes.forEach(function (b) { b.classList.add("on"); });
    }
    var mark = document.querySelector('mark[data-diag~="' + id + '"]');
    if (mark) mark.scrollIntoView({ block: "center", inline: "nearest" });
    if (firstCell) firstCell.scrollIntoView({ block: "center", inline: "center" });
    var box = null;
    boxes.forEach(function (b) { if (!box || b.getAttribute("data-kind") === "cell") box = b; });
    if (box) box.scrollIntoView({ block: "center", inline: "nearest" });
    if (scrollList) item.scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target;
    if (!target.closest) return;
    var chip = target.closest(".chip");
    if (chip) { chip.setAttribute("aria-pressed", chip.getAttribute("aria-pressed") === "false" ? "true" : "false"); applyFilters(); return; }
    if (target.closest("a")) return;
    var item = target.closest(".diag");
    if (item) { select(item, false); return; }
    var mark = target.closest("mark[data-diag]");
    if (mark) {
      var li = document.getElementById(mark.getAttribute("data-diag").split(" ")[0]);
      if (li) select(li, true);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var item = ev.target.closest ? ev.target.closest(".diag") : null;
    if (item) { ev.preventDefault(); select(item, false); }
  });
  function off(kind) {
    var out = {};
    document.querySelectorAll('.chip[data-filter-' + kind + '][aria-pressed="false"]').forEach(function (c) {
      out[c.getAttribute("data-filter-" + kind)] = true;
    });
    return out;
  }
  function applyFilters() {
    var sev = off("severity"), cat = off("category");
    document.querySelectorAll(".diags").forEach(function (list) {
      var shown = 0;
      list.querySelectorAll(".diag").forEach(function (d) {
        var hide = sev[d.getAttribute("data-severity")] || cat[d.getAttribute("data-category")];
        d.hidden = !!hide;
        if (!hide) shown++;
      });
      var none = list.querySelector(".filtered-out");
      if (none) none.hidden = shown > 0 || !list.querySelector(".diag");
    });
  }
})();
