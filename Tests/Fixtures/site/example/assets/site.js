// Shows the search form: without JavaScript it stays hidden, since search runs in the browser.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.site-search");
  for (var i = 0; i < forms.length; i++) forms[i].removeAttribute("hidden");
})();
