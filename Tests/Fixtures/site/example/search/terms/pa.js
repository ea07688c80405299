BULLETIN_SEARCH_TERMS("pa", {
"parliament":[12,26],
"parliamentary":[60],
"partial":[68],
"past":[36]
});
