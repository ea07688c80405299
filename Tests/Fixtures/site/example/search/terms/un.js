BULLETIN_SEARCH_TERMS("un", {
"under":[4],
"union":[30,24,14],
"unrealistic":[28],
"until":[12]
});
