BULLETIN_SEARCH_TERMS("fl", {
"flow":[52]
});
