BULLETIN_SEARCH_TERMS("be", {
"before":[4,64],
"begun":[38],
"belapan":[68],
"belarusian":[71],
"between":[49]
});
