BULLETIN_SEARCH_TERMS("sh", {
"shore":[52],
"should":[62]
});
