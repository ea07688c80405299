BULLETIN_SEARCH_TERMS("lo", {
"local":[60],
"long":[20]
});
