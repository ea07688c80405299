BULLETIN_SEARCH_TERMS("wh", {
"whether":[52],
"while":[28,8]
});
