BULLETIN_SEARCH_TERMS("fe", {
"federal":[14],
"fees":[6]
});
