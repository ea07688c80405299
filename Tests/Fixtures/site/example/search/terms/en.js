BULLETIN_SEARCH_TERMS("en", {
"energy":[6,22,43],
"enjoyed":[20],
"envoys":[30]
});
