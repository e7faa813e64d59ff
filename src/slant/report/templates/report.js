/* slant report: link a fact's sentences across the article columns. Reads data-* attributes only. */
(function () {
  "use strict";
  var sentences = Array.prototype.slice.call(document.querySelectorAll(".s[data-fact]"));
  var linkers = Array.prototype.slice.call(document.querySelectorAll("[data-fact]"));

  function factsOf(el) {
    var value = el.getAttribute("data-fact") || "";
    return value.split(" ").filter(function (id) { return id !== ""; });
  }

  function related(el) {
    var mine = factsOf(el);
    return sentences.filter(function (other) {
      return other !== el && factsOf(other).some(function (id) { return mine.indexOf(id) >= 0; });
    });
  }

  function mark(cls, el, others) {
    Array.prototype.forEach.call(document.querySelectorAll("." + cls), function (old) { old.classList.remove(cls); });
    if (el) {
      el.classList.add(cls);
      others.forEach(function (other) { other.classList.add(cls); });
    }
  }

  function reveal(el, others) {
    var seen = [];
    others.forEach(function (other) {
      var box = other.closest(".col-body");
      if (!box || seen.indexOf(box) >= 0 || box.contains(el)) { return; }
      seen.push(box);
      var offset = other.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.scrollTo({ top: box.scrollTop + offset - box.clientHeight / 3, behavior: "smooth" });
    });
    var first = others[0];
    if (first && !el.classList.contains("s")) {
      first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }

  var pinned = null;
  linkers.forEach(function (el) {
    el.addEventListener("mouseenter", function () { mark("hl", el, related(el)); });
    el.addEventListener("mouseleave", function () { mark("hl", null, []); });
    function pin() {
      if (pinned === el) { pinned = null; mark("pinned", null, []); return; }
      pinned = el;
      var others = related(el);
      mark("pinned", el, others);
      reveal(el, others);
    }
    el.addEventListener("click", pin);
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pin(); }
    });
  });
})();
