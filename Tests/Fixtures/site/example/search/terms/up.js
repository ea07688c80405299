BULLETIN_SEARCH_TERMS("up", {
"up":[54]
});
