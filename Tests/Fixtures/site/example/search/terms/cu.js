BULLETIN_SEARCH_TERMS("cu", {
"customs":[4,66],
"cut":[4]
});
