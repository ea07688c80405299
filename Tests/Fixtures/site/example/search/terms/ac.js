BULLETIN_SEARCH_TERMS("ac", {
"accept":[4],
"accused":[60]
});
