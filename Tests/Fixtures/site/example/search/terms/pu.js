BULLETIN_SEARCH_TERMS("pu", {
"public":[38],
"punishment":[60]
});
