BULLETIN_SEARCH_TERMS("si", {
"sides":[52],
"similar":[68],
"since":[6,24,38]
});
