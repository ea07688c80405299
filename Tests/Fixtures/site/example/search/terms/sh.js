BULLETIN_SEARCH_TERMS("sh", {
"shore":[28],
"should":[38]
});
