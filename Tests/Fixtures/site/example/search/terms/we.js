BULLETIN_SEARCH_TERMS("we", {
"week":[38,8],
"weekend":[14],
"welcomed":[36],
"well":[60],
"west":[60]
});
