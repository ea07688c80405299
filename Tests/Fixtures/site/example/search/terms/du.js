BULLETIN_SEARCH_TERMS("du", {
"duma":[62],
"duty":[68]
});
