BULLETIN_SEARCH_TERMS("ea", {
"each":[20],
"earlier":[46,22],
"eastern":[52]
});
