BULLETIN_SEARCH_TERMS("ed", {
"editors":[47]
});
