BULLETIN_SEARCH_TERMS("us", {
"use":[60],
"used":[13],
"usually":[68]
});
