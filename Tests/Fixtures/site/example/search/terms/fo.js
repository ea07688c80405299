BULLETIN_SEARCH_TERMS("fo", {
"follow":[4],
"followed":[44],
"forces":[15],
"foreign":[36],
"former":[44]
});
