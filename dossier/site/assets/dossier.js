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

/* --- phones (branch phones) --- */
/* Article pages: a cite's claim shown in a popover when the cite is tapped, pointed at or
   focused (outside the article's text, which stays the article's); switches that hide the
   highlights of one stance. A link to a folded section opens it. Without this script every
   highlight is shown and a cite is a plain link to its claim. */
(function () {
  "use strict";
  var POPOVER_ID = "dossier-cite-popover";
  var current = null; // the cite whose claim is shown
  var pinned = false; // shown by a tap, click or key: stays until dismissed
  var hideTimer = null;

  function citeOf(node) {
    return node && node.closest ? node.closest("a.dossier-cite") : null;
  }

  function popover() {
    var box = document.getElementById(POPOVER_ID);
    if (box) return box;
    box = document.createElement("div");
    box.id = POPOVER_ID;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "The claim this passage is quoted for");
    box.hidden = true;
    ["dossier-cite-popover-stance", "dossier-cite-popover-claim"].forEach(function (name) {
      var line = document.createElement("p");
      line.className = name;
      box.appendChild(line);
    });
    var link = document.createElement("a");
    link.className = "dossier-cite-popover-link";
    link.textContent = "Open the claim's page";
    box.appendChild(link);
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", function () { if (!pinned) hideSoon(); });
    box.addEventListener("focusout", function (event) {
      if (!box.contains(event.relatedTarget) && event.relatedTarget !== current) hideSoon();
    });
    document.body.appendChild(box);
    return box;
  }

  function place(box, cite) {
    var rects = cite.getClientRects();
    var rect = rects.length ? rects[rects.length - 1] : cite.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    var width = Math.min(352, viewport - 16);
    var left = rect.left + rect.width / 2 - width / 2;
    left = Math.max(8, Math.min(left, viewport - width - 8));
    box.style.width = width + "px";
    box.style.left = left + window.scrollX + "px";
    box.style.top = rect.bottom + window.scrollY + 4 + "px";
  }

  function show(cite, pin) {
    clearTimeout(hideTimer);
    var box = popover();
    if (current && current !== cite) current.setAttribute("aria-expanded", "false");
    pinned = pin || (pinned && current === cite);
    current = cite;
    var supports = cite.classList.contains("dossier-supports");
    box.className = "dossier-cite-popover " + (supports ? "dossier-supports" : "dossier-contradicts");
    box.children[0].textContent = supports ? "✔ Quoted as supporting the claim" : "✖ Quoted as contradicting the claim";
    box.children[1].textContent = cite.getAttribute("data-claim") || "";
    box.children[2].href = cite.href;
    box.hidden = false;
    cite.setAttribute("aria-expanded", "true");
    place(box, cite);
  }

  function hide() {
    clearTimeout(hideTimer);
    var box = document.getElementById(POPOVER_ID);
    if (box) box.hidden = true;
    if (current) current.setAttribute("aria-expanded", "false");
    current = null;
    pinned = false;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  document.addEventListener("click", function (event) {
    var cite = citeOf(event.target);
    if (cite) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab: the link
      event.preventDefault();
      if (current === cite && pinned) {
        hide();
        return;
      }
      show(cite, true);
      if (event.detail === 0) popover().children[2].focus(); // from the keyboard: into the popover
      return;
    }
    var box = document.getElementById(POPOVER_ID);
    if (current && box && !box.contains(event.target)) hide();
  });
  document.addEventListener("mouseover", function (event) {
    var cite = citeOf(event.target);
    if (cite && cite !== current) show(cite, false);
    else if (cite) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (event) {
    if (citeOf(event.target) && citeOf(event.target) === current && !pinned) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var cite = citeOf(event.target);
    if (cite && cite !== current) show(cite, false);
  });
  document.addEventListener("focusout", function (event) {
    var cite = citeOf(event.target);
    var box = document.getElementById(POPOVER_ID);
    if (cite && cite === current && !pinned && !(box && box.contains(event.relatedTarget))) hideSoon();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !current) return;
    var cite = current;
    var box = document.getElementById(POPOVER_ID);
    var inside = box && box.contains(document.activeElement);
    hide();
    if (inside) cite.focus();
  });
  window.addEventListener("resize", function () {
    if (current) place(popover(), current);
  });

  function initToggles() {
    var text = document.querySelector(".dossier-article-text");
    document.querySelectorAll(".dossier-highlight-toggles").forEach(function (set) {
      if (!text || set.hasAttribute("data-dossier-ready")) return;
      set.setAttribute("data-dossier-ready", "");
      set.hidden = false;
      set.querySelectorAll("input[data-dossier-stance]").forEach(function (input) {
        var apply = function () {
          text.classList.toggle("dossier-show-" + input.getAttribute("data-dossier-stance"), input.checked);
          if (current && current.offsetParent === null) hide();
        };
        input.addEventListener("change", apply);
        apply();
      });
    });
  }

  function openTarget() {
    // A link into a folded section (a claim's page to "All claims", say) unfolds it.
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView();
  }

  function labelMarkdownTables() {
    // On a phone a row of the guide's tables is a card: each cell after its column's title.
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      var headers = table.tHead ? table.tHead.rows[0].cells : [];
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, index) {
            var title = headers[index] ? headers[index].textContent.trim() : "";
            if (index > 0 && title && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", title);
          });
        });
      });
    });
  }

  function init() {
    hide();
    labelMarkdownTables();
    initToggles();
    openTarget();
  }

  window.addEventListener("hashchange", openTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
