BULLETIN_SEARCH_TERMS("os", {
"osce":[6]
});
