BULLETIN_SEARCH_TERMS("se", {
"sea":[54],
"sector":[36,24],
"security":[15,8,7,14],
"see":[28,10,8,6],
"service":[14],
"services":[44],
"set":[38],
"settled":[20],
"settlement":[30]
});
