BULLETIN_SEARCH_TERMS("ci", {
"circle":[60],
"cis":[36]
});
