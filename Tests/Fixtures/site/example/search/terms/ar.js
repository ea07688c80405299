BULLETIN_SEARCH_TERMS("ar", {
"archive":[68],
"argue":[62],
"armed":[15],
"around":[60],
"arrangement":[22],
"arrived":[30]
});
