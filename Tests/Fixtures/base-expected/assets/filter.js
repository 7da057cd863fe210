// Mieruka: filters for a plan's table of items, by grade, policy and department.
// Progressive enhancement: the form is hidden in the page and shown here, so that without
// JavaScript the whole table is simply there. Rows carry what they are filtered by in data-
// attributes written at build time; nothing is fetched.
(function () {
  "use strict";
  function words(value) {
    return value ? value.split(" ") : [];
  }
  document.querySelectorAll("form.item-filter").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var status = form.querySelector(".item-filter-status");
    function apply() {
      var grade = form.elements.grade ? form.elements.grade.value : "";
      var policy = form.elements.policy ? form.elements.policy.value : "";
      var department = form.elements.department ? form.elements.department.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var match =
          (grade === "" || row.getAttribute("data-grade") === grade) &&
          (policy === "" || words(row.getAttribute("data-policies")).indexOf(policy) >= 0) &&
          (department === "" || words(row.getAttribute("data-departments")).indexOf(department) >= 0);
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent =
        shown === rows.length
          ? "全" + rows.length + "件を表示しています。"
          : "全" + rows.length + "件のうち" + shown + "件を表示しています。";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    apply();
  });
})();
