BULLETIN_SEARCH_TERMS("an", {
"analysts":[68],
"announce":[12],
"announcement":[12],
"annual":[13],
"answerable":[20],
"any":[4,66]
});
