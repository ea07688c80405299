BULLETIN_SEARCH_TERMS("cl", {
"clashes":[15],
"closes":[71]
});
