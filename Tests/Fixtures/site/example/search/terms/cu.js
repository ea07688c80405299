BULLETIN_SEARCH_TERMS("cu", {
"customs":[22,6],
"cut":[28]
});
