BULLETIN_SEARCH_TERMS("ea", {
"each":[68],
"earlier":[22,22],
"eastern":[28]
});
