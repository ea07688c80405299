BULLETIN_SEARCH_TERMS("de", {
"debate":[37],
"decade":[36],
"decision":[20],
"decisions":[36],
"declined":[60],
"delayed":[12],
"deliveries":[4,48],
"deputy":[60],
"described":[52],
"detained":[20],
"detaining":[60],
"detentions":[23]
});
