BULLETIN_SEARCH_TERMS("ti", {
"tiraspol":[6]
});
