BULLETIN_SEARCH_TERMS("ou", {
"out":[14,54]
});
