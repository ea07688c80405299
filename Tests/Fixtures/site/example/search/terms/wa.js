BULLETIN_SEARCH_TERMS("wa", {
"want":[60],
"wave":[62]
});
