BULLETIN_SEARCH_TERMS("af", {
"after":[68]
});
