BULLETIN_SEARCH_TERMS("gu", {
"guarantees":[4,16,50]
});
