// Quote-list inline: drag a row by its position cell to reorder; the position numbers follow.
// Without this script, curators type the numbers themselves; the server renumbers on save.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".qdb-sortable tbody").forEach(function (body) {
    var dragged = null;

    function rows() {
      return Array.prototype.filter.call(body.querySelectorAll("tr.form-row"), function (row) {
        return !row.classList.contains("empty-form");
      });
    }

    function renumber() {
      rows().forEach(function (row, index) {
        var input = row.querySelector("input[name$='-position']");
        if (input) {
          input.value = index + 1;
        }
      });
    }

    body.addEventListener("mousedown", function (event) {
      var row = event.target.closest("tr.form-row");
      if (row) {
        row.draggable = Boolean(event.target.closest("td.field-position")) &&
          event.target.tagName !== "INPUT";
      }
    });
    body.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr.form-row");
      if (dragged) {
        dragged.classList.add("qdb-dragging");
        event.dataTransfer.effectAllowed = "move";
      }
    });
    body.addEventListener("dragover", function (event) {
      var over = event.target.closest("tr.form-row");
      if (!dragged || !over || over === dragged || over.classList.contains("empty-form")) {
        return;
      }
      event.preventDefault();
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      body.insertBefore(dragged, after ? over.nextSibling : over);
    });
    body.addEventListener("dragend", function () {
      if (dragged) {
        dragged.classList.remove("qdb-dragging");
        dragged.draggable = false;
        dragged = null;
        renumber();
      }
    });
  });
});
