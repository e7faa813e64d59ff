/* slant compare form: add/remove article boxes, load files and examples, show progress.
   The form works without this script (two or more boxes, paste or link); it only adds comfort.
   Text is only ever put into form fields (.value), never into markup. */
(function () {
  "use strict";
  var form = document.getElementById("compare");
  if (!form) { return; }
  var box = document.getElementById("articles");
  var max = parseInt(form.getAttribute("data-max"), 10) || 8;
  var addButton = document.getElementById("add");
  var example = document.getElementById("example");
  var status = document.getElementById("status");

  function fieldsets() { return Array.prototype.slice.call(box.querySelectorAll("fieldset.article")); }

  function renumber() {
    var all = fieldsets();
    all.forEach(function (fs, k) {
      fs.querySelector("legend").textContent = "Article " + (k + 1);
      fs.querySelector("button.remove").hidden = all.length <= 2;
    });
    addButton.hidden = false;
    addButton.disabled = all.length >= max;
  }

  function wire(fs) {
    fs.querySelector("label.file").hidden = false;
    fs.querySelector("input[type=file]").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () {
        fs.querySelector("textarea").value = String(reader.result);
        fs.querySelector("input[type=url]").value = "";
      };
      reader.readAsText(file);
    });
    fs.querySelector("button.remove").addEventListener("click", function () {
      if (fieldsets().length > 2) { fs.remove(); renumber(); }
    });
  }

  function add() {
    var all = fieldsets();
    if (all.length >= max) { return null; }
    var fs = all[all.length - 1].cloneNode(true);
    Array.prototype.forEach.call(fs.querySelectorAll("input, textarea"), function (el) { el.value = ""; });
    fs.querySelector("details").open = false;
    box.appendChild(fs);
    wire(fs);
    renumber();
    return fs;
  }

  fieldsets().forEach(wire);
  addButton.addEventListener("click", function () { var fs = add(); if (fs) { fs.querySelector("textarea").focus(); } });
  renumber();

  example.parentNode.hidden = false;
  example.addEventListener("change", function () {
    var name = example.value;
    if (!name) { return; }
    status.textContent = "Loading the example…";
    fetch("/api/examples").then(function (r) { return r.json(); }).then(function (data) {
      var chosen = (data.examples || []).filter(function (e) { return e.name === name; })[0];
      if (!chosen) { status.textContent = "No such example."; return; }
      while (fieldsets().length < Math.min(chosen.articles.length, max)) { add(); }
      while (fieldsets().length > Math.max(2, chosen.articles.length)) { fieldsets().pop().remove(); }
      renumber();
      fieldsets().forEach(function (fs, k) {
        var article = chosen.articles[k];
        Array.prototype.forEach.call(fs.querySelectorAll("input, textarea"), function (el) { el.value = ""; });
        if (article) { fs.querySelector("textarea").value = article.text; }
      });
      status.textContent = "Example “" + name + "” loaded: press Compare.";
    }).catch(function () { status.textContent = "Could not load the example."; });
  });

  var submit = document.getElementById("submit");
  form.addEventListener("submit", function () {
    submit.disabled = true;
    submit.textContent = "Comparing…";
    status.textContent = "Reading and comparing the articles; this takes a few seconds.";
  });
  window.addEventListener("pageshow", function () {  // back from the report: usable again
    submit.disabled = false;
    submit.textContent = "Compare";
  });
})();
