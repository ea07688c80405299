BULLETIN_SEARCH_TERMS("bo", {
"both":[52]
});
