BULLETIN_SEARCH_TERMS("wo", {
"would":[4,8,8,32,18],
"wounded":[60]
});
