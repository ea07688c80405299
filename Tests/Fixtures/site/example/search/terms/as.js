BULLETIN_SEARCH_TERMS("as", {
"asked":[4,24,8],
"aslan":[46],
"associates":[44],
"astana":[62]
});
