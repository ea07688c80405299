BULLETIN_SEARCH_TERMS("on", {
"one":[12],
"only":[28,16]
});
