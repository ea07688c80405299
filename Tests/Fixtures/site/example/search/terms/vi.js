BULLETIN_SEARCH_TERMS("vi", {
"violation":[44],
"visit":[44]
});
