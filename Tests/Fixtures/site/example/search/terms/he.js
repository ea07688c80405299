BULLETIN_SEARCH_TERMS("he", {
"helps":[28]
});
