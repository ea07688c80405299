BULLETIN_SEARCH_TERMS("su", {
"subsidies":[20],
"such":[12],
"sunday":[4],
"supply":[52],
"suspected":[12]
});
