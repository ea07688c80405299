BULLETIN_SEARCH_TERMS("te", {
"television":[12],
"terms":[12]
});
