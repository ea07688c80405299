BULLETIN_SEARCH_TERMS("if", {
"if":[4,24,24]
});
