BULLETIN_SEARCH_TERMS("tu", {
"turan":[52],
"turkmenistan":[54]
});
