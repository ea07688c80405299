BULLETIN_SEARCH_TERMS("ri", {
"rights":[12,34]
});
