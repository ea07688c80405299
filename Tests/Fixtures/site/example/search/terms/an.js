BULLETIN_SEARCH_TERMS("an", {
"analysts":[20],
"announce":[36],
"announcement":[36],
"annual":[37],
"answerable":[44],
"any":[22,6]
});
