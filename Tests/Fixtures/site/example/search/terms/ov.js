BULLETIN_SEARCH_TERMS("ov", {
"over":[52,10]
});
