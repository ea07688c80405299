BULLETIN_SEARCH_TERMS("lo", {
"local":[12],
"long":[44]
});
