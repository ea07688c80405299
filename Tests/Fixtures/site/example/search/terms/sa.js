BULLETIN_SEARCH_TERMS("sa", {
"said":[4,8,16,8,8],
"sale":[36],
"sales":[62],
"saturday":[6,41],
"say":[4]
});
