BULLETIN_SEARCH_TERMS("du", {
"duma":[14],
"duty":[20]
});
