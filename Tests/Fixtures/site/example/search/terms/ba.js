BULLETIN_SEARCH_TERMS("ba", {
"background":[38],
"baku":[55],
"balkans":[6],
"bargaining":[20],
"basic":[44]
});
