BULLETIN_SEARCH_TERMS("ky", {
"kyiv":[51]
});
