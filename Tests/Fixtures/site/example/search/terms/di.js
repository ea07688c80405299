BULLETIN_SEARCH_TERMS("di", {
"dimension":[36],
"diplomats":[28],
"discuss":[31],
"discussed":[4],
"dismissed":[28],
"dispute":[6,8],
"disputes":[47],
"districts":[62],
"division":[28]
});
