BULLETIN_SEARCH_TERMS("wa", {
"want":[36],
"wave":[38]
});
