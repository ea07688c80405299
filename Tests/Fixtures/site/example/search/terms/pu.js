BULLETIN_SEARCH_TERMS("pu", {
"public":[62],
"punishment":[12]
});
