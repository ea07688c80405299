BULLETIN_SEARCH_TERMS("lu", {
"lukashenko":[71]
});
