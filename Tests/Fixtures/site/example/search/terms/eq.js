BULLETIN_SEARCH_TERMS("eq", {
"equal":[28]
});
