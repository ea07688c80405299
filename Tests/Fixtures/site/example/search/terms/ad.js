BULLETIN_SEARCH_TERMS("ad", {
"address":[37],
"administration":[12,48],
"adopted":[36]
});
