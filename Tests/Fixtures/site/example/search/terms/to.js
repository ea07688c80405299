BULLETIN_SEARCH_TERMS("to", {
"told":[71]
});
