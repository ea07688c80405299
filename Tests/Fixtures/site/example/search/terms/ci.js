BULLETIN_SEARCH_TERMS("ci", {
"circle":[36],
"cis":[12]
});
