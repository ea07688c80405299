BULLETIN_SEARCH_TERMS("wh", {
"whether":[4],
"while":[52,8]
});
