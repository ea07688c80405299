BULLETIN_SEARCH_TERMS("de", {
"debate":[61],
"decade":[60],
"decision":[44],
"decisions":[60],
"declined":[12],
"delayed":[36],
"deliveries":[4,24],
"deputy":[12],
"described":[4],
"detained":[44],
"detaining":[12],
"detentions":[47]
});
