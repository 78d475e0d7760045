/* The dossier's search worker: Material for MkDocs' own, with a second chance for misspelt names.
 *
 * Material runs its lunr search in a web worker whose URL each page names in its
 * configuration (`__config.search`); the dossier plugin points that URL here and passes
 * Material's worker as the `material` parameter (a URL relative to this file). This script
 * loads Material's worker into itself and answers every message through it. When a query
 * of plain words leaves a word unmatched (nothing in the index starts with it), the query
 * is asked again with that word spelt the other ways names are commonly transliterated and
 * with lunr's fuzzy operator: `word~1` first, then `word~2` for longer words. Exact matches
 * are never touched: a query whose every word matches is answered as Material answers it.
 *
 * If anything here fails to load, the page's search fails as Material's would; the plugin
 * only points pages here when the theme is Material and its configuration names a worker.
 */
"use strict";
(function () {
  // Material's message types (integrations/search/worker/message): SETUP 0, READY 1, QUERY 2, RESULT 3.
  var QUERY = 2;
  var RESULT = 3;
  var FUZZY_ONE_FROM = 4; // letters a word needs before one typo is forgiven
  var FUZZY_TWO_FROM = 6; // ... and before two are
  var MOST_WORDS = 6; // longer queries are not retried: each retry multiplies lunr's work
  var MOST_VARIANTS = 8; // spellings tried per word
  // Common alternative romanisations of the same sounds (German, French, Polish, Belarusian
  // and Russian conventions), each rewritten to the one English-language sources use.
  var SPELLINGS = [
    ["sch", "sh"],
    ["tsch", "ch"],
    ["ch", "kh"],
    ["ch", "sh"],
    ["sz", "sh"],
    ["cz", "ch"],
    ["ou", "u"],
    ["ou", "ov"],
    ["w", "v"],
    ["j", "y"],
    ["x", "kh"],
    ["ł", "l"],
  ];

  var here = new URL(self.location.href);
  var materialUrl = new URL(here.searchParams.get("material") || "", here).href;

  // Material loads its language support with paths relative to its own worker's location.
  var importOriginal = self.importScripts.bind(self);
  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, function (url) {
      return new URL(url, materialUrl).href;
    });
    return importOriginal.apply(self, urls);
  };

  // Material's worker registers one message listener and answers with postMessage; both are
  // looked up on the global object when called, so they can be taken over here.
  var materialListener = null;
  var addOriginal = self.addEventListener.bind(self);
  var postOriginal = self.postMessage.bind(self);
  var waiting = [];
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && materialListener === null) {
      materialListener = listener;
    } else {
      addOriginal(type, listener, options);
    }
  };
  self.postMessage = function (message) {
    var resolve = waiting.shift();
    if (resolve) {
      resolve(message);
    } else {
      postOriginal(message);
    }
  };
  importOriginal(materialUrl);

  function ask(message) {
    return new Promise(function (resolve) {
      waiting.push(resolve);
      materialListener({ data: message });
    });
  }

  function plainWords(query) {
    // A query with lunr's own syntax (fields, wildcards, boosts, +/-, quotes) is the reader's: left as written.
    if (/[~^*:"]|(^|\s)[+-]/.test(query)) {
      return [];
    }
    var words = query.toLowerCase().split(/[\s\-]+/).filter(Boolean);
    return words.length <= MOST_WORDS ? words : [];
  }

  function unmatchedWords(words, reply) {
    var matched = {};
    var known = {};
    reply.data.items.forEach(function (group) {
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) {
          known[term] = true;
          if (item.terms[term]) {
            matched[term] = true;
          }
        });
      });
    });
    if (!reply.data.items.length) {
      return words.slice();
    }
    // Words Material does not report on (stop words) are left alone.
    return words.filter(function (word) {
      return known[word] && !matched[word];
    });
  }

  function spellings(word) {
    var variants = [word];
    SPELLINGS.forEach(function (pair) {
      variants.slice().forEach(function (spelling) {
        var other = spelling.split(pair[0]).join(pair[1]);
        if (other !== spelling && variants.indexOf(other) < 0 && variants.length < MOST_VARIANTS) {
          variants.push(other);
        }
      });
    });
    return variants;
  }

  function guesses(word, distance) {
    // The word's other spellings, fuzzy when it is long enough for `distance` typos; [] when there is nothing to try.
    var variants = spellings(word);
    var least = distance === 1 ? FUZZY_ONE_FROM : FUZZY_TWO_FROM;
    if (word.length >= least) {
      return variants.map(function (spelling) {
        return spelling + "~" + distance;
      });
    }
    return distance === 1 && variants.length > 1 ? variants : [];
  }

  function keepReaderTerms(reply, words, unmatched) {
    // Material lists under a result the query words it found and those it did not; the
    // guesses are neither, and the retried words were found by other spellings.
    reply.data.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (term) {
          if (words.indexOf(term) >= 0 && unmatched.indexOf(term) < 0) {
            terms[term] = item.terms[term];
          }
        });
        item.terms = terms;
      });
    });
    return reply;
  }

  function found(reply) {
    return Boolean(reply && reply.type === RESULT && reply.data && reply.data.items.length);
  }

  async function secondChance(words, unmatched) {
    for (var distance = 1; distance <= 2; distance++) {
      var tried = [];
      unmatched.forEach(function (word) {
        tried = tried.concat(guesses(word, distance));
      });
      if (!tried.length) {
        continue;
      }
      // First the guesses alone: do they find anything at all?
      var probe = await ask({ type: QUERY, data: tried.join(" ") });
      if (!found(probe)) {
        continue;
      }
      if (unmatched.length === words.length) {
        return keepReaderTerms(probe, words, unmatched);
      }
      var matched = words.filter(function (word) {
        return unmatched.indexOf(word) < 0;
      });
      return keepReaderTerms(await ask({ type: QUERY, data: matched.concat(tried).join(" ") }), words, unmatched);
    }
    return null;
  }

  async function answer(message) {
    var reply = await ask(message);
    if (message.type !== QUERY || typeof message.data !== "string" || !reply || reply.type !== RESULT) {
      return reply;
    }
    var words = plainWords(message.data);
    var unmatched = unmatchedWords(words, reply);
    if (!unmatched.length) {
      return reply;
    }
    return (await secondChance(words, unmatched)) || reply;
  }

  // One message at a time, in order: each waits for Material's answer to the one before.
  var queue = Promise.resolve();
  addOriginal("message", function (event) {
    queue = queue
      .then(function () {
        return answer(event.data);
      })
      .then(postOriginal, function (error) {
        console.warn("search:", error);
      });
  });
})();
