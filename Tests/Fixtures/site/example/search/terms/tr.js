BULLETIN_SEARCH_TERMS("tr", {
"trans":[52],
"transdniester":[25],
"transit":[6],
"transport":[28]
});
