BULLETIN_SEARCH_TERMS("fa", {
"families":[20]
});
