BULLETIN_SEARCH_TERMS("so", {
"south":[62],
"soviet":[30]
});
