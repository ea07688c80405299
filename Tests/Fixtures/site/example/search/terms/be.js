BULLETIN_SEARCH_TERMS("be", {
"before":[20,8],
"begun":[62],
"belapan":[20],
"belarusian":[23],
"between":[1]
});
