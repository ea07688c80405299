BULLETIN_SEARCH_TERMS("vi", {
"violation":[20],
"visit":[20]
});
