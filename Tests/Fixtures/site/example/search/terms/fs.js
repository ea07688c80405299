BULLETIN_SEARCH_TERMS("fs", {
"fsb":[60]
});
