/* Dossier: sortable and filterable tables; the quote a link points to is outlined. */
(function () {
  "use strict";

  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim().toLowerCase();
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var result = compare(cellKey(r1, index), cellKey(r2, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilterable(block) {
    var input = block.querySelector(".dossier-filter");
    var table = block.querySelector("table");
    var count = block.querySelector(".dossier-count");
    if (!input || !table) return;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) count.textContent = shown + " rows";
    });
  }

  function outlineTarget() {
    document.querySelectorAll(".dossier-current").forEach(function (mark) { mark.classList.remove("dossier-current"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf("q-") !== 0) return;
    // Every part of the quote, and what its ellipses leave out between them.
    document.querySelectorAll("mark.dossier-quote, .dossier-left-out").forEach(function (mark) {
      if ((" " + mark.getAttribute("data-quotes") + " ").indexOf(" " + id + " ") !== -1) mark.classList.add("dossier-current");
    });
  }

  function labelSearchDialog() {
    // Material's search overlay is a role="dialog" without a name; screen readers announce it as "Search".
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
  }

  function init() {
    labelSearchDialog();
    document.querySelectorAll("table[data-dossier-sortable]").forEach(function (table) {
      if (!table.hasAttribute("data-dossier-ready")) {
        table.setAttribute("data-dossier-ready", "");
        makeSortable(table);
      }
    });
    document.querySelectorAll(".dossier-table-block").forEach(makeFilterable);
    outlineTarget();
  }

  window.addEventListener("hashchange", outlineTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* --- timeline (branch timeline) --- */
/* The timeline's filter by entity: the page's list of per-entity timelines (which works without
   JavaScript) becomes a menu that shows only the items about one entity, here, without a request. */
(function () {
  "use strict";

  function setUp(list) {
    var timeline = document.querySelector(".dossier-tl");
    if (!timeline || list.hasAttribute("data-dossier-ready")) return;
    list.setAttribute("data-dossier-ready", "");
    var box = document.createElement("div");
    box.className = "dossier-tl-filter";
    var label = document.createElement("label");
    label.htmlFor = "dossier-tl-entity";
    label.textContent = "Show only items about";
    var select = document.createElement("select");
    select.id = "dossier-tl-entity";
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "any entity (everything on this page)";
    select.appendChild(all);
    list.querySelectorAll("a[data-key]").forEach(function (link) {
      var option = document.createElement("option");
      option.value = link.getAttribute("data-key");
      option.textContent = link.textContent;
      option.setAttribute("data-href", link.getAttribute("href"));
      select.appendChild(option);
    });
    var status = document.createElement("p");
    status.className = "dossier-tl-filter-status";
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(select);
    box.appendChild(status);
    list.parentNode.insertBefore(box, list);
    select.addEventListener("change", function () { apply(timeline, select, status); });
  }

  function apply(timeline, select, status) {
    var key = select.value;
    var shown = 0, total = 0;
    timeline.querySelectorAll(".dossier-tl-day > ul > li").forEach(function (item) {
      var keys = " " + (item.getAttribute("data-e") || "") + " ";
      var match = !key || keys.indexOf(" " + key + " ") !== -1;
      item.hidden = !match;
      total += 1;
      if (match) shown += 1;
    });
    // A date, month or year with nothing left to show goes too, heading and all.
    timeline.querySelectorAll(".dossier-tl-day, .dossier-tl-month, .dossier-tl-year").forEach(function (group) {
      group.hidden = !!key && !group.querySelector(".dossier-tl-day > ul > li:not([hidden])");
    });
    while (status.firstChild) status.removeChild(status.firstChild);
    if (!key) return;
    var option = select.options[select.selectedIndex];
    status.appendChild(document.createTextNode(shown + " of the " + total + " items on this page are about " + option.textContent + ". "));
    var link = document.createElement("a");
    link.href = option.getAttribute("data-href");
    link.textContent = "Its whole timeline";
    status.appendChild(link);
    status.appendChild(document.createTextNode("."));
  }

  function init() {
    document.querySelectorAll("details[data-dossier-tl-filter]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
