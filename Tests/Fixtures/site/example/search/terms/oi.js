BULLETIN_SEARCH_TERMS("oi", {
"oil":[12,25,33]
});
