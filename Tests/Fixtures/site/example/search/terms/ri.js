BULLETIN_SEARCH_TERMS("ri", {
"rights":[22,38]
});
