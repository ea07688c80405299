BULLETIN_SEARCH_TERMS("gu", {
"guarantees":[22,6,16]
});
