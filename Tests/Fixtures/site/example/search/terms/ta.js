BULLETIN_SEARCH_TERMS("ta", {
"talks":[6,38,11,13]
});
