BULLETIN_SEARCH_TERMS("ka", {
"kadyrov":[14],
"kazakh":[36,26],
"kazakhstan":[39,15,9]
});
