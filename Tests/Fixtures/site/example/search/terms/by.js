BULLETIN_SEARCH_TERMS("by", {
"bypass":[36]
});
