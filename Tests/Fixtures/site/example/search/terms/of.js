BULLETIN_SEARCH_TERMS("of", {
"offend":[60],
"offer":[52],
"offered":[52],
"office":[47],
"officials":[4,8,16]
});
