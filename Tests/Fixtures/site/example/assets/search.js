// Offline search over the index under search/ (see search/index.js, window.BULLETIN_SEARCH): reads the
// query from ?q=, loads the word shards its words begin with and then the records of the best matches,
// each by a script tag, so that it also works from file://. Ranks title, entity and dek matches first,
// and the newest first among equals. Lists 100 results, and a "Show more" button lists the next 100.
// Builds results with textContent only: index data never becomes markup. Its messages are the page's,
// in its language: the JSON object of the status line's data-messages attribute (each a text, or plural
// forms chosen with Intl.PluralRules), English where a theme's page gives none.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!results || !status) return;
  var messages = {
    searchIndexMissing: "The search index did not load.",
    searchPrompt: { one: "Type words to search {count} article.", other: "Type words to search {count} articles." },
    searchNothing: "Nothing to search for in “{query}”: words of one letter and the commonest words (such as “the”) are not indexed.",
    searching: "Searching…",
    searchNone: "No articles match “{query}”.",
    searchMatches: { one: "{count} article matches “{query}”", other: "{count} articles match “{query}”" },
    searchAll: "{matches}.",
    searchBest: "{matches}; the best {shown} are listed.",
    searchMore: "Show more results"
  };
  var lang = "en";
  try {
    var given = JSON.parse(status.getAttribute("data-messages") || "{}");
    Object.keys(messages).forEach(function (key) { if (given[key]) messages[key] = given[key]; });
    if (given.lang) lang = given.lang;
  } catch (e) { /* the English messages stay */ }
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  // The message `key` with its {names} filled from `values`; a counted one in the form for values.count.
  function say(key, values) {
    var text = messages[key];
    if (typeof text !== "string") {
      var category = plurals && values && typeof values.count === "number" ? plurals.select(values.count) : "other";
      text = text[category] || text.other;
    }
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }
  var index = window.BULLETIN_SEARCH;
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var input = document.getElementById("site-search-query");
  if (input) input.value = query;
  if (!index) { status.textContent = say("searchIndexMissing"); return; }
  if (!query) { status.textContent = say("searchPrompt", { count: index.articles }); return; }

  // As the index folds its words: lower case, decomposed, without combining diacritics, final sigma as σ
  // (toLowerCase() makes a word's last capital Σ a ς where the index, lowered without context, has σ).
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u03c2/g, "\u03c3");
  }
  function shardKey(term) {
    return Array.from(term).slice(0, 2).join("");
  }
  function fileName(key) {
    return Array.from(key).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("");
  }
  // A result in another language than the page's is marked with it, as the pages of the site mark it.
  function markLanguage(element, record) {
    if (!record.l) return;
    element.lang = record.l;
    if (record.w) element.dir = record.w;
  }
  function load(paths, done) {
    var waiting = paths.length;
    if (waiting === 0) { done(); return; }
    paths.forEach(function (path) {
      var script = document.createElement("script");
      script.src = path;
      script.onload = script.onerror = function () { if (--waiting === 0) done(); };
      document.head.appendChild(script);
    });
  }

  var stop = new Set(index.stop), optional = new Set(index.optional || []), shards = new Set(index.shards), seen = new Set();
  // Words of one letter, and stop words no article indexes, are left out of a query as the index left them
  // out. A stop word of some articles' language, which other articles index ("was" is English's and German's
  // word for "what"), is asked for but not required: it adds to the score of the articles holding it.
  var terms = fold(query).split(/[^\p{L}\p{M}\p{N}]+/u).filter(function (t) {
    if (Array.from(t).length < 2 || stop.has(t) || seen.has(t)) return false;
    seen.add(t);
    return true;
  });
  if (terms.length === 0) {
    status.textContent = say("searchNothing", { query: query });
    return;
  }

  var tables = {}, records = {};
  window.BULLETIN_SEARCH_TERMS = function (key, table) { tables[key] = table; };
  window.BULLETIN_SEARCH_RECORDS = function (block, list) { records[block] = list; };
  var keys = [];
  terms.forEach(function (term) {
    var key = shardKey(term);
    if (shards.has(key) && keys.indexOf(key) < 0) keys.push(key);
  });
  status.textContent = say("searching");
  load(keys.map(function (key) { return "terms/" + fileName(key) + ".js"; }), function () {
    // Each article's score is the sum over the query's words of its best match: a word in the title
    // scores 10, in the dek or an entity's name 4, in the text 2 (1 where the word only begins so).
    // An optional word matches itself alone ("the" is no beginning of "theatre" here).
    function matches(term, exact) {
      var table = tables[shardKey(term)] || {}, best = new Map();
      Object.keys(table).forEach(function (word) {
        if (exact ? word !== term : word.lastIndexOf(term, 0) !== 0) return;
        var postings = table[word], article = 0;
        for (var i = 0; i < postings.length; i++) {
          article += postings[i];
          var fields = article & 7, number = article >> 3;
          var score = (fields & 1 ? 10 : 0) + (fields & 2 ? 4 : 0) + (fields & 4 ? (word === term ? 2 : 1) : 0);
          if (score > (best.get(number) || 0)) best.set(number, score);
        }
      });
      return best;
    }
    var totals = null;
    terms.filter(function (t) { return !optional.has(t); }).forEach(function (term) {
      var best = matches(term, false);
      if (totals === null) { totals = best; return; }
      var both = new Map();
      best.forEach(function (score, number) { if (totals.has(number)) both.set(number, totals.get(number) + score); });
      totals = both;
    });
    // Optional words add to the articles the required ones found; a query of optional words alone finds
    // the articles holding any of them.
    var alone = totals === null;
    if (alone) totals = new Map();
    terms.filter(function (t) { return optional.has(t); }).forEach(function (term) {
      matches(term, true).forEach(function (score, number) {
        if (alone || totals.has(number)) totals.set(number, (totals.get(number) || 0) + score);
      });
    });
    var scored = [];
    totals.forEach(function (score, number) { scored.push([score, number]); });
    // The index numbers articles newest first (undated last), so equal scores list the newest first.
    scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    var pageSize = 100, listed = 0, more = null;
    var matches = say("searchMatches", { count: scored.length, query: query });
    // Lists the next results after those listed, loading the records they need, and says in the status
    // line (a live region) how many are listed; after "Show more", focus moves to the first new result.
    function listMore(moveFocus) {
      var next = scored.slice(listed, listed + pageSize);
      var blocks = [];
      next.forEach(function (s) {
        var block = Math.floor(s[1] / index.block);
        if (!records[block] && blocks.indexOf(block) < 0) blocks.push(block);
      });
      if (more) more.disabled = true;
      load(blocks.map(function (block) { return "records/" + block + ".js"; }), function () {
        var root = "../", first = null;
        next.forEach(function (s) {
          var record = (records[Math.floor(s[1] / index.block)] || [])[s[1] % index.block];
          if (!record) return;
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = root + record.u;
          a.textContent = record.t;
          markLanguage(a, record);
          li.appendChild(a);
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = " " + record.m;
          li.appendChild(meta);
          if (record.d) {
            li.appendChild(document.createElement("br"));
            var dek = document.createElement("span");
            dek.className = "dek";
            dek.textContent = record.d;
            markLanguage(dek, record);
            li.appendChild(dek);
          }
          results.appendChild(li);
          if (!first) first = a;
        });
        listed += next.length;
        status.textContent = scored.length === 0 ? say(alone ? "searchNothing" : "searchNone", { query: query })
          : scored.length > listed ? say("searchBest", { matches: matches, shown: listed }) : say("searchAll", { matches: matches });
        if (listed < scored.length && !more) {
          var holder = document.createElement("p");
          holder.className = "search-more";
          more = document.createElement("button");
          more.type = "button";
          more.textContent = say("searchMore");
          more.addEventListener("click", function () { listMore(true); });
          holder.appendChild(more);
          results.parentNode.insertBefore(holder, results.nextSibling);
        } else if (more) {
          more.disabled = false;
          more.parentNode.hidden = listed >= scored.length;
        }
        if (moveFocus && first) first.focus();
      });
    }
    listMore(false);
  });
})();
