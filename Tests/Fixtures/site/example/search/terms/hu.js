BULLETIN_SEARCH_TERMS("hu", {
"human":[22,38]
});
