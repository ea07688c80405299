BULLETIN_SEARCH_TERMS("wi", {
"winter":[46,6],
"without":[12,48,10]
});
