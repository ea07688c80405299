BULLETIN_SEARCH_TERMS("ka", {
"kadyrov":[62],
"kazakh":[12,24],
"kazakhstan":[15,15,9]
});
