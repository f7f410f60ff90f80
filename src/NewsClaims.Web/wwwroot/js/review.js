// Review queue: keyboard shortcuts and the speaker type-ahead. Without script every form still works.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".review-item"));
  var current = -1;

  function focusItem(index) {
    if (items.length === 0) { return; }
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var item = items[current];
    switch (event.key) {
      case "j": focusItem(current + 1); break;
      case "k": focusItem(current - 1); break;
      case "c": if (item) { item.querySelector("button[data-key='c']").click(); } break;
      case "x": if (item) { var box = item.querySelector("input[type='checkbox']"); box.checked = !box.checked; } break;
      case "e": if (item) { var details = item.querySelector("details.correct"); details.open = true; details.querySelector(".person-picker").focus(); } break;
      case "r": if (item) { item.querySelector(".reject-form input[name='reason']").focus(); } break;
      default: return;
    }
    event.preventDefault();
  });

  items.forEach(function (item, index) {
    item.addEventListener("focusin", function () { current = index; });
  });

  // Speaker type-ahead: the datalist offers people; choosing one sets SpeakerId, any other full name creates a person.
  document.querySelectorAll(".person-picker").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var idField = document.getElementById(input.dataset.target);
    var newField = document.getElementById(input.dataset["new"]);
    var original = input.value;
    var people = [];
    var timer = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2) { return; }
        fetch("/review/people?q=" + encodeURIComponent(typed), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            // Two people may share a name: then each is offered with its address to tell them apart.
            people = found.map(function (person) {
              var twins = found.filter(function (other) { return other.name === person.name; }).length > 1;
              return { id: person.id, value: twins ? person.name + " (" + person.slug + ")" : person.name, description: person.description };
            });
            list.replaceChildren.apply(list, people.map(function (person) {
              var option = document.createElement("option");
              option.value = person.value;
              option.label = person.description ? person.value + " — " + person.description : person.value;
              return option;
            }));
          })
          .catch(function () { /* the editor can still type a new name */ });
      }, 150);
    });
    input.form.addEventListener("submit", function () {
      var typed = input.value.trim();
      var chosen = people.filter(function (person) { return person.value === typed; })[0];
      idField.value = chosen ? chosen.id : "";
      newField.value = !chosen && typed !== "" && typed !== original ? typed : "";
    });
  });
})();
