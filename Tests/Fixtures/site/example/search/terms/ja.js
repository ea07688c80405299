BULLETIN_SEARCH_TERMS("ja", {
"january":[4,10,8,6,8,16,8,8]
});
