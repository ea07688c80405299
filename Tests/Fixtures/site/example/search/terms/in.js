BULLETIN_SEARCH_TERMS("in", {
"independent":[14],
"infotag":[4],
"inquiry":[23,37],
"inside":[12],
"insists":[28],
"interfax":[52,16],
"interrupted":[52],
"into":[23,10,27],
"investors":[12]
});
