BULLETIN_SEARCH_TERMS("dr", {
"drafted":[12]
});
