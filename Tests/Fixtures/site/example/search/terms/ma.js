BULLETIN_SEARCH_TERMS("ma", {
"made":[20,40],
"makhachkala":[14],
"maskhadov":[46]
});
