BULLETIN_SEARCH_TERMS("al", {
"all":[38],
"almaty":[14],
"although":[52],
"alyaksandr":[71]
});
