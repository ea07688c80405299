BULLETIN_SEARCH_TERMS("ov", {
"over":[4,10]
});
