BULLETIN_SEARCH_TERMS("wo", {
"would":[4,18,6,8,8],
"wounded":[12]
});
