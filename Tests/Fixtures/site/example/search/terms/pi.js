BULLETIN_SEARCH_TERMS("pi", {
"pipeline":[52],
"pipelines":[60]
});
