BULLETIN_SEARCH_TERMS("mi", {
"militants":[12],
"minister":[4],
"ministry":[20],
"minsk":[22]
});
