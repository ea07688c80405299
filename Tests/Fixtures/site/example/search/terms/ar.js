BULLETIN_SEARCH_TERMS("ar", {
"archive":[44],
"argue":[38],
"armed":[63],
"around":[36],
"arrangement":[70],
"arrived":[6]
});
