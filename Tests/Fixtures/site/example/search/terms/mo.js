BULLETIN_SEARCH_TERMS("mo", {
"moldova":[6,48],
"moldovan":[6,48],
"monday":[6],
"monitor":[4,18,6,18],
"month":[6,25],
"moscow":[38,17,7],
"most":[20,16],
"mountain":[63],
"moves":[33]
});
