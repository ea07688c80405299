BULLETIN_SEARCH_TERMS("ph", {
"phase":[68]
});
