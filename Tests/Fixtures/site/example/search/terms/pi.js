BULLETIN_SEARCH_TERMS("pi", {
"pipeline":[28],
"pipelines":[36]
});
