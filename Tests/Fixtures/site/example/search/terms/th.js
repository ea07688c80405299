BULLETIN_SEARCH_TERMS("th", {
"than":[20],
"third":[6,65],
"threats":[20],
"three":[36],
"through":[4,24],
"thursday":[37]
});
