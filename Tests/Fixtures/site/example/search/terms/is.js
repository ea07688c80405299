BULLETIN_SEARCH_TERMS("is", {
"issue":[47]
});
