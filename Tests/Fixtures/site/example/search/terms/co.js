BULLETIN_SEARCH_TERMS("co", {
"co":[30],
"collective":[12],
"comment":[12],
"commission":[28],
"commit":[36],
"commonwealth":[38],
"company":[6],
"constitution":[44],
"consultation":[36],
"control":[28],
"council":[23,13],
"country":[22,14,24],
"coverage":[71]
});
