BULLETIN_SEARCH_TERMS("gi", {
"given":[12]
});
