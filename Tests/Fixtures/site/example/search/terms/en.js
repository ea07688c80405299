BULLETIN_SEARCH_TERMS("en", {
"energy":[4,43,7],
"enjoyed":[68],
"envoys":[6]
});
