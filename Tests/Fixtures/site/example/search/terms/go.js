BULLETIN_SEARCH_TERMS("go", {
"government":[36,16],
"governors":[38]
});
