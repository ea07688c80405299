BULLETIN_SEARCH_TERMS("un", {
"under":[28],
"union":[6,14,34],
"unrealistic":[52],
"until":[36]
});
