BULLETIN_SEARCH_TERMS("of", {
"offend":[36],
"offer":[28],
"offered":[28],
"office":[23],
"officials":[4,48,8]
});
