// textcheck HTML report: clicking a diagnostic highlights its span in the source and
// the linked table cell(s); clicking a highlighted span selects its diagnostic.
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".active, .hl-cell").forEach(function (el) {
      el.classList.remove("active"); el.classList.remove("hl-cell");
    });
  }
  function select(item, scrollList) {
    clear();
    var id = item.getAttribute("data-diag");
    item.classList.add("active");
    var marks = document.querySelectorAll('mark[data-diag~="' + id + '"], .ev[data-ev~="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("active"); });
    var cells = (item.getAttribute("data-cells") || "").split(" ").filter(Boolean);
    var firstCell = null;
    cells.forEach(function (cid) {
      var c = document.getElementById(cid);
      if (c) { c.classList.add("hl-cell"); firstCell = firstCell || c; }
    });
    var mark = document.querySelector('mark[data-diag~="' + id + '"]');
    if (mark) mark.scrollIntoView({ block: "center", inline: "nearest" });
    if (firstCell) firstCell.scrollIntoView({ block: "center", inline: "center" });
    if (scrollList) item.scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target;
    var item = target.closest ? target.closest(".diag") : null;
    if (item) { select(item, false); return; }
    var mark = target.closest ? target.closest("mark[data-diag]") : null;
    if (mark) {
      var first = mark.getAttribute("data-diag").split(" ")[0];
      var li = document.getElementById(first);
      if (li) select(li, true);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var item = ev.target.closest ? ev.target.closest(".diag") : null;
    if (item) { ev.preventDefault(); select(item, false); }
  });
})();
