BULLETIN_SEARCH_TERMS("pl", {
"placed":[4],
"plan":[12]
});
