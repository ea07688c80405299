BULLETIN_SEARCH_TERMS("wi", {
"winter":[4,66],
"without":[12,10,14]
});
