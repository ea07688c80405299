BULLETIN_SEARCH_TERMS("ad", {
"address":[13],
"administration":[36,24],
"adopted":[12]
});
