BULLETIN_SEARCH_TERMS("sm", {
"small":[36]
});
