BULLETIN_SEARCH_TERMS("ma", {
"made":[36,32],
"makhachkala":[62],
"maskhadov":[22]
});
