BULLETIN_SEARCH_TERMS("ab", {
"about":[62],
"abroad":[44]
});
