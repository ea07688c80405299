BULLETIN_SEARCH_TERMS("ab", {
"about":[38],
"abroad":[20]
});
