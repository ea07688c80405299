BULLETIN_SEARCH_TERMS("dn", {
"dniester":[6]
});
