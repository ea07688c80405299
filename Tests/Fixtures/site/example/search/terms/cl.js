BULLETIN_SEARCH_TERMS("cl", {
"clashes":[63],
"closes":[47]
});
