BULLETIN_SEARCH_TERMS("co", {
"co":[6],
"collective":[60],
"comment":[60],
"commission":[4],
"commit":[12],
"commonwealth":[14],
"company":[54],
"constitution":[20],
"consultation":[12],
"control":[4],
"council":[12,59],
"country":[12,24,34],
"coverage":[47]
});
