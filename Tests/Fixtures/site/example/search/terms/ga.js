BULLETIN_SEARCH_TERMS("ga", {
"gap":[52],
"gas":[6,22,16,5],
"gazprom":[30,24]
});
