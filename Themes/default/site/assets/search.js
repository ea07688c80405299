// Offline search over search/index.js (window.BULLETIN_SEARCH), loaded by a script tag so that it
// also works from file://. Reads the query from ?q=, ranks title, entity and summary matches first.
// Builds results with textContent only: index data never becomes markup.
(function () {
  "use strict";
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!results || !status) return;
  var index = window.BULLETIN_SEARCH || [];
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var input = document.getElementById("site-search-query");
  if (input) input.value = query;
  if (!query) { status.textContent = "Type words to search " + index.length + " articles."; return; }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  var scored = [];
  for (var i = 0; i < index.length; i++) {
    var r = index[i];
    var title = fold(r.t), extra = fold((r.d || "") + " " + (r.e || "")), text = " " + fold(r.x) + " ";
    var score = 0, all = true;
    for (var j = 0; j < terms.length; j++) {
      var term = terms[j], s = 0;
      if (title.indexOf(term) >= 0) s += 10;
      if (extra.indexOf(term) >= 0) s += 4;
      if (text.indexOf(" " + term + " ") >= 0) s += 2; else if (text.indexOf(" " + term) >= 0) s += 1;
      if (s === 0) { all = false; break; }
      score += s;
    }
    if (all) scored.push([score, i]);
  }
  scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
  var shown = scored.slice(0, 100);
  status.textContent = scored.length === 0 ? "No articles match “" + query + "”."
    : scored.length + (scored.length === 1 ? " article matches" : " articles match") + " “" + query + "”"
      + (scored.length > shown.length ? "; the best " + shown.length + " are listed." : ".");
  var root = "../";
  for (var k = 0; k < shown.length; k++) {
    var record = index[shown[k][1]];
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + record.u;
    a.textContent = record.t;
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
      li.appendChild(dek);
    }
    results.appendChild(li);
  }
})();
