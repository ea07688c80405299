BULLETIN_SEARCH_TERMS("st", {
"stake":[28],
"stakes":[12],
"state":[54,8],
"statement":[20],
"states":[14,17],
"status":[31],
"still":[36],
"storage":[52],
"studying":[52]
});
