BULLETIN_SEARCH_TERMS("bu", {
"budget":[12,56],
"business":[12],
"businesslike":[52]
});
