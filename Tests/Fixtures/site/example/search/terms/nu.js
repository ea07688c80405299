BULLETIN_SEARCH_TERMS("nu", {
"nursultan":[39]
});
