BULLETIN_SEARCH_TERMS("in", {
"independent":[38],
"infotag":[28],
"inquiry":[12,35],
"inside":[36],
"insists":[52],
"interfax":[4,16],
"interrupted":[4],
"into":[12,35,10],
"investors":[36]
});
