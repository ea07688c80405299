BULLETIN_SEARCH_TERMS("go", {
"government":[4,56],
"governors":[62]
});
