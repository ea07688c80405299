BULLETIN_SEARCH_TERMS("fi", {
"finance":[20],
"financing":[52],
"find":[68],
"firms":[36],
"first":[12,18],
"five":[55]
});
