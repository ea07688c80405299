BULLETIN_SEARCH_TERMS("as", {
"asked":[4,8,40],
"aslan":[22],
"associates":[20],
"astana":[38]
});
