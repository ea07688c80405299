BULLETIN_SEARCH_TERMS("fe", {
"federal":[62],
"fees":[54]
});
