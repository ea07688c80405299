BULLETIN_SEARCH_TERMS("pa", {
"parliament":[36,26],
"parliamentary":[12],
"partial":[20],
"past":[60]
});
