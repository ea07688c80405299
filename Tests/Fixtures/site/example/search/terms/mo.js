BULLETIN_SEARCH_TERMS("mo", {
"moldova":[6,24],
"moldovan":[6,24],
"monday":[30],
"monitor":[28,18,6,18],
"month":[30,25],
"moscow":[7,7,48],
"most":[44,16],
"mountain":[15],
"moves":[57]
});
