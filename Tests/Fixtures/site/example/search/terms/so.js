BULLETIN_SEARCH_TERMS("so", {
"south":[14],
"soviet":[54]
});
