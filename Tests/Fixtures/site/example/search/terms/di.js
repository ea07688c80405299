BULLETIN_SEARCH_TERMS("di", {
"dimension":[60],
"diplomats":[52],
"discuss":[55],
"discussed":[28],
"dismissed":[52],
"dispute":[30,8],
"disputes":[71],
"districts":[14],
"division":[52]
});
