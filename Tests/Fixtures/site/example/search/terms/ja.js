BULLETIN_SEARCH_TERMS("ja", {
"january":[4,8,8,8,10,8,6,8]
});
