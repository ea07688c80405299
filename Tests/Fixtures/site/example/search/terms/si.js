BULLETIN_SEARCH_TERMS("si", {
"sides":[4],
"similar":[20],
"since":[20,10,24]
});
