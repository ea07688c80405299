BULLETIN_SEARCH_TERMS("fo", {
"follow":[52],
"followed":[20],
"forces":[63],
"foreign":[12],
"former":[20]
});
