// Sorting by column (click a heading; again to reverse), and a self-check
// the tests read from the DOM: data-ready when the script ran, data-errors
// when anything failed, and with #selftest the names after sorting by name.
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-errors", String(e.message));
  });
  function key(row, column) {
    var cell = row.cells[column];
    return cell ? (cell.getAttribute("data-key") || cell.textContent.trim()) : "";
  }
  function sortBy(table, th) {
    var column = th.cellIndex;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
    rows.sort(function (a, b) {
      var c = collator.compare(key(a, column), key(b, column));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.hasAttribute("data-sort")) {
        th.tabIndex = 0;
        th.addEventListener("click", function () { sortBy(table, th); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(table, th); });
      }
    });
  });
  if (location.hash === "#selftest") {
    var members = document.getElementById("members");
    var th = members.tHead.rows[0].cells[0];
    th.click();
    th.click();
    var names = Array.prototype.map.call(members.tBodies[0].rows, function (r) { return key(r, 0); });
    body.setAttribute("data-sorted", JSON.stringify(names));
  }
  body.setAttribute("data-ready", "1");
})();
