BULLETIN_SEARCH_TERMS("sp", {
"speech":[20],
"spring":[4]
});
