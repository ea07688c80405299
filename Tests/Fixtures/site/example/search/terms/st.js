BULLETIN_SEARCH_TERMS("st", {
"stake":[52],
"stakes":[36],
"state":[6,8],
"statement":[44],
"states":[38,17],
"status":[55],
"still":[60],
"storage":[4],
"studying":[4]
});
