BULLETIN_SEARCH_TERMS("ac", {
"accept":[28],
"accused":[12]
});
