BULLETIN_SEARCH_TERMS("mi", {
"militants":[60],
"minister":[52],
"ministry":[68],
"minsk":[70]
});
