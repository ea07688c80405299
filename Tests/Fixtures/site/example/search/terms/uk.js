BULLETIN_SEARCH_TERMS("uk", {
"ukrainian":[54]
});
