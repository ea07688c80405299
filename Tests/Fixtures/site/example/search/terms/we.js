BULLETIN_SEARCH_TERMS("we", {
"week":[14,8],
"weekend":[62],
"welcomed":[12],
"well":[36],
"west":[36]
});
