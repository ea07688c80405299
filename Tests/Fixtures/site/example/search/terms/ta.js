BULLETIN_SEARCH_TERMS("ta", {
"talks":[7,13,10,38]
});
