BULLETIN_SEARCH_TERMS("su", {
"subsidies":[68],
"such":[60],
"sunday":[52],
"supply":[28],
"suspected":[60]
});
