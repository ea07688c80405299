BULLETIN_SEARCH_TERMS("sa", {
"said":[4,8,8,32,8],
"sale":[12],
"sales":[38],
"saturday":[23,31],
"say":[52]
});
