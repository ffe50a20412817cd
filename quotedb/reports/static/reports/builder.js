// Report builder, made live: the form works without this script (a GET that reloads the page);
// with it, every change fetches the results section from the server and swaps it in.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  var results = document.getElementById("report-results");
  if (!form || !results || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var resultsUrl = form.getAttribute("data-results-url");
  var timer = null;
  var latest = 0;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim() !== "") {
        params.append(key, value);
      }
    });
    return params.toString();
  }

  function addCopyButtons() {
    results.querySelectorAll("textarea.copyable").forEach(function (area) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(area.value).then(done);
        } else {
          area.select();
          document.execCommand("copy");
          done();
        }
      });
      area.insertAdjacentElement("afterend", button);
    });
  }

  function refresh() {
    var qs = query();
    var request = ++latest;
    results.classList.add("loading");
    fetch(resultsUrl + (qs ? "?" + qs : ""), { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (request !== latest) {
          return; // a newer choice is already on its way
        }
        // Server-rendered and escaped by the same templates as the page itself.
        results.innerHTML = html;
        results.classList.remove("loading");
        addCopyButtons();
        history.replaceState(null, "", form.action + (qs ? "?" + qs : ""));
      })
      .catch(function () {
        results.classList.remove("loading");
      });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  }

  form.classList.add("js-live");
  form.addEventListener("change", soon);
  form.addEventListener("input", soon);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    refresh();
  });
  addCopyButtons();
})();
