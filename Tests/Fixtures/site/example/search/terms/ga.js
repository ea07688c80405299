BULLETIN_SEARCH_TERMS("ga", {
"gap":[4],
"gas":[1,29,22,16],
"gazprom":[6,48]
});
