BULLETIN_SEARCH_TERMS("up", {
"up":[30]
});
