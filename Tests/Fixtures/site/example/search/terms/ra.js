BULLETIN_SEARCH_TERMS("ra", {
"ramzan":[62],
"rather":[68]
});
