BULLETIN_SEARCH_TERMS("sp", {
"speech":[68],
"spring":[52]
});
