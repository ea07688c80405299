BULLETIN_SEARCH_TERMS("bu", {
"budget":[20,16],
"business":[36],
"businesslike":[4]
});
