BULLETIN_SEARCH_TERMS("ka", {
"kadyrov":[14],
"kazakh":[36,24],
"kazakhstan":[39,15,9]
});
