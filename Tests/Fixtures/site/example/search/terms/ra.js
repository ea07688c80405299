BULLETIN_SEARCH_TERMS("ra", {
"ramzan":[14],
"rather":[20]
});
