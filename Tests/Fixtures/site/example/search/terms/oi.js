BULLETIN_SEARCH_TERMS("oi", {
"oil":[22,14,25]
});
