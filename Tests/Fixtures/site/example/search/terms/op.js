BULLETIN_SEARCH_TERMS("op", {
"open":[12,18,3],
"opened":[23],
"operation":[6]
});
