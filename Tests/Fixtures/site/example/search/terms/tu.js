BULLETIN_SEARCH_TERMS("tu", {
"turan":[28],
"turkmenistan":[30]
});
