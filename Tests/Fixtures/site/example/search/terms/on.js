BULLETIN_SEARCH_TERMS("on", {
"one":[60],
"only":[4,16]
});
