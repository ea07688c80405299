BULLETIN_SEARCH_TERMS("us", {
"use":[12],
"used":[37],
"usually":[20]
});
