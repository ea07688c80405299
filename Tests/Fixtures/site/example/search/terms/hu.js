BULLETIN_SEARCH_TERMS("hu", {
"human":[12,34]
});
