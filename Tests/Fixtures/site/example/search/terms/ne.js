BULLETIN_SEARCH_TERMS("ne", {
"negotiations":[68],
"negotiators":[6],
"neither":[4],
"new":[22,14],
"next":[55,7,6]
});
