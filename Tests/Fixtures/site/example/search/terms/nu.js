BULLETIN_SEARCH_TERMS("nu", {
"nursultan":[15]
});
