BULLETIN_SEARCH_TERMS("th", {
"than":[68],
"third":[47,7],
"threats":[68],
"three":[12],
"through":[4,48],
"thursday":[13]
});
