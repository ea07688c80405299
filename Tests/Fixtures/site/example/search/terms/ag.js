BULLETIN_SEARCH_TERMS("ag", {
"again":[4],
"agreement":[52]
});
