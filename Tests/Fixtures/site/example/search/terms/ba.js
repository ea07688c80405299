BULLETIN_SEARCH_TERMS("ba", {
"background":[14],
"baku":[31],
"balkans":[54],
"bargaining":[68],
"basic":[20]
});
