// "Help me choose" (overrides/help-me-choose.html): a few questions, answered only in this
// browser, that become the directory's filters in its address (?language=french&...).
// Nothing is sent or stored: the page loads the same filter index as the directory, for
// everyone alike, and counts in the browser. The questions are the filters that
// hooks/filters.py gives a question, so a new one needs no change here. Controls are
// made with createElement and textContent, never from HTML strings.
(function () {
  "use strict";

  function plural(n) {
    return n + (n === 1 ? " therapist" : " therapists");
  }

  function setUp(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var questions = root.querySelector("[data-questions]");
    var status = root.querySelector("[data-status]");
    var link = root.querySelector("[data-link]");
    var share = root.querySelector("[data-share]");
    var controls = [];
    var therapists = [];

    function answers() {
      var wanted = {};
      controls.forEach(function (control) {
        var value = control.type === "checkbox" ? (control.checked ? control.value : "") : control.value;
        if (value) wanted[control.dataset.filter] = value;
      });
      return wanted;
    }

    function update() {
      var wanted = answers();
      var keys = Object.keys(wanted);
      var n = therapists.filter(function (t) {
        return keys.every(function (key) { return t.f[key].indexOf(wanted[key]) !== -1; });
      }).length;
      var query = new URLSearchParams(wanted).toString();
      var href = root.dataset.directory + (query ? "?" + query : "");
      link.href = href;
      share.href = href;
      share.textContent = new URL(href, window.location.href).href;
      if (!keys.length) {
        link.textContent = "See all " + plural(n);
        status.textContent = "No answers yet: the directory will show everyone.";
      } else if (n) {
        link.textContent = "See the " + plural(n) + " who fit";
        status.textContent = plural(n) + (n === 1 ? " fits" : " fit") + " all of these answers.";
      } else {
        link.textContent = "See the directory";
        status.textContent = "No therapist fits all of these answers. The directory will suggest which one to drop.";
      }
    }

    function ask(filter) {
      var id = "choose-" + filter.key;
      var box = document.createElement("div");
      var label = document.createElement("label");
      var control;
      label.htmlFor = id;
      label.textContent = filter.question;
      if (filter.flag) {
        box.className = "tpg-filter tpg-filter--check";
        control = document.createElement("input");
        control.type = "checkbox";
        control.value = filter.options[0][0];
        box.appendChild(control);
        box.appendChild(label);
      } else {
        box.className = "tpg-filter";
        control = document.createElement("select");
        control.appendChild(new Option("No preference", ""));
        filter.options.forEach(function (option) { control.appendChild(new Option(option[1], option[0])); });
        box.appendChild(label);
        box.appendChild(control);
      }
      control.id = id;
      control.dataset.filter = filter.key;
      control.addEventListener("change", update);
      questions.appendChild(box);
      controls.push(control);
    }

    fetch(root.dataset.index).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) {
      therapists = data.therapists;
      data.filters.filter(function (filter) { return filter.question; }).forEach(ask);
      root.hidden = false;
      update();
    }).catch(function () {
      root.hidden = false;
      share.parentNode.hidden = true;
      status.textContent = "The questions could not load. Use the browse links above instead.";
    });
  }

  var root = document.querySelector("[data-chooser]");
  if (root) setUp(root);
})();
