BULLETIN_SEARCH_TERMS("fr", {
"friday":[71]
});
