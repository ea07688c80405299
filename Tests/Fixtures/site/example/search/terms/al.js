BULLETIN_SEARCH_TERMS("al", {
"all":[62],
"almaty":[38],
"although":[4],
"alyaksandr":[23]
});
