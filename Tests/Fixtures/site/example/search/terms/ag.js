BULLETIN_SEARCH_TERMS("ag", {
"again":[28],
"agreement":[4]
});
