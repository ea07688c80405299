BULLETIN_SEARCH_TERMS("op", {
"open":[36,18,3],
"opened":[47],
"operation":[30]
});
