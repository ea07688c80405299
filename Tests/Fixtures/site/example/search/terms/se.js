BULLETIN_SEARCH_TERMS("se", {
"sea":[30],
"sector":[12,24],
"security":[6,14,43,8],
"see":[4,10,8,6],
"service":[62],
"services":[20],
"set":[14],
"settled":[68],
"settlement":[6]
});
