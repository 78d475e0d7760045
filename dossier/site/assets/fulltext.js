/* Full-text search (pages/search.html): Pagefind's client, loaded from the site itself only
   on the search page, answers the form; each result shows its kind and a claim's status.
   Results are built with DOM methods: the excerpt's text is set as text, its <mark>s as
   elements, so nothing from the index is ever parsed as the page's HTML. */
(function () {
  "use strict";
  var form = document.querySelector("form.dossier-fulltext");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".dossier-fulltext-status");
  var list = document.querySelector(".dossier-fulltext-results");
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var shown = 10;
  var client = null;
  var asked = 0;

  function load() {
    if (!client) {
      client = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 }).then(function () { return pagefind; });
      });
    }
    return client;
  }

  function excerpt(html) {
    /* Pagefind's excerpt is escaped text with <mark> around the words found. */
    var node = document.createElement("p");
    node.className = "dossier-fulltext-excerpt";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (part) {
      if (part.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = part.textContent;
        node.appendChild(mark);
      } else {
        node.appendChild(document.createTextNode(part.textContent));
      }
    });
    return node;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.className = "dossier-fulltext-title";
    link.textContent = (data.meta && data.meta.title) || data.url;
    li.appendChild(link);
    var facts = document.createElement("span");
    facts.className = "dossier-fulltext-kind";
    facts.textContent = " " + ((data.meta && data.meta.kind) || "");
    li.appendChild(facts);
    if (data.meta && data.meta.status) {
      var badge = document.createElement("span");
      badge.className = "dossier-fulltext-claim-status";
      badge.textContent = "Status: " + data.meta.status;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge);
    }
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function search(query) {
    var mine = ++asked;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      if (mine !== asked) return null;
      return Promise.all(found.results.slice(0, shown).map(function (r) { return r.data(); })).then(function (datas) {
        if (mine !== asked) return;
        list.replaceChildren.apply(list, datas.map(item));
        var total = found.results.length;
        status.textContent = total === 0 ? "Nothing found for “" + query + "”."
          : (total > shown ? "The first " + shown + " of " + total : total) + " page" + (total === 1 ? "" : "s") + " found for “" + query + "”.";
      });
    }).catch(function (error) {
      status.textContent = "The full-text search could not load (" + error.message + ").";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
