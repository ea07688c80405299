BULLETIN_SEARCH_TERMS("vo", {
"volume":[47]
});
