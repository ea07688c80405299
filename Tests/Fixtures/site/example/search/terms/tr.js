BULLETIN_SEARCH_TERMS("tr", {
"trans":[28],
"transdniester":[3],
"transit":[54],
"transport":[4]
});
