BULLETIN_SEARCH_TERMS("te", {
"television":[36],
"terms":[36]
});
