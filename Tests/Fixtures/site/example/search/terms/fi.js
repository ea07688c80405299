BULLETIN_SEARCH_TERMS("fi", {
"finance":[68],
"financing":[28],
"find":[44],
"firms":[12],
"first":[6,54],
"five":[31]
});
