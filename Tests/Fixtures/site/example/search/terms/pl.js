BULLETIN_SEARCH_TERMS("pl", {
"placed":[28],
"plan":[36]
});
