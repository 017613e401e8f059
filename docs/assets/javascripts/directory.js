// Directory filters: narrow the therapist cards in the browser.
// Without JavaScript the filters are hidden (a <noscript> style in overrides/main.html)
// and the facet pages do the same job.
// The controls come from the page (data-filter="key"; made from hooks/filters.py), so a
// new filter needs no change here. Cards come as HTML from therapists/directory.json,
// rendered (and escaped) at build time from the same template as the page, so this
// script never builds a card. The choices live in the address (?language=french&...):
// a filtered list can be shared, bookmarked and reloaded, and Back from a profile
// brings back the list and its filters together.
(function () {
  "use strict";

  function plural(n) {
    return n + (n === 1 ? " therapist" : " therapists");
  }

  // "(3)", or "(none)" for a choice that would leave no one given the other choices.
  function countText(n) {
    return n ? "(" + n + ")" : "(none)";
  }

  function setUp(root) {
    var filters = root.querySelector("[data-filters]");
    if (!filters || root.dataset.ready) return;
    root.dataset.ready = "1";

    var controls = Array.prototype.slice.call(root.querySelectorAll("[data-filter]"));
    var toggle = root.querySelector("[data-toggle]");
    var panel = root.querySelector("[data-panel]");
    var chosenCount = root.querySelector("[data-chosen]");
    var results = root.querySelector("[data-results]");
    var status = root.querySelector("[data-status]");
    var more = root.querySelector("[data-more]");
    var pagination = root.querySelector("[data-pagination]");
    var firstPage = results.innerHTML;
    var firstStatus = status.textContent;
    var pageSize = parseInt(root.dataset.pageSize, 10) || 48;
    var index = null;
    var matches = [];
    var shown = 0;
    var latest = 0; // numbers each update, so a late answer to an older choice is ignored

    function load() {
      if (!index) {
        index = fetch(root.dataset.index).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).catch(function (error) {
          index = null; // let the next change try again, e.g. once the connection is back
          throw error;
        });
      }
      return index;
    }

    function valueOf(control) {
      if (control.type === "checkbox") return control.checked ? control.value : "";
      return control.value;
    }

    function chosen() {
      var wanted = {};
      controls.forEach(function (control) {
        var value = valueOf(control);
        if (value) wanted[control.dataset.filter] = value;
      });
      return wanted;
    }

    // "Language: French", or the option's own name for a yes/no filter.
    function describe(key) {
      var control = root.querySelector('[data-filter="' + key + '"]');
      if (control.type === "checkbox") return control.dataset.name;
      return control.dataset.name + ": " + control.selectedOptions[0].dataset.name;
    }

    function keeps(t, wanted, except) {
      return Object.keys(wanted).every(function (key) {
        return key === except || t.f[key].indexOf(wanted[key]) !== -1;
      });
    }

    // Each choice's count is how many it would show together with the other filters' choices.
    function recount(therapists, wanted) {
      controls.forEach(function (control) {
        var key = control.dataset.filter;
        var tally = {};
        therapists.forEach(function (t) {
          if (!keeps(t, wanted, key)) return;
          t.f[key].forEach(function (value) { tally[value] = (tally[value] || 0) + 1; });
        });
        if (control.type === "checkbox") {
          control.parentNode.querySelector("[data-count]").textContent = countText(tally[control.value] || 0);
          return;
        }
        Array.prototype.forEach.call(control.options, function (option) {
          if (option.value) option.textContent = option.dataset.name + " " + countText(tally[option.value] || 0);
        });
      });
    }

    function setValue(control, value) {
      if (control.type === "checkbox") control.checked = value === control.value;
      else control.value = value;
      // A value the list no longer has (an old link) leaves the control at "Any".
      if (control.type !== "checkbox" && control.value !== value) control.value = "";
    }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      controls.forEach(function (control) { setValue(control, params.get(control.dataset.filter) || ""); });
    }

    // replaceState, not pushState: Back leaves the directory rather than undoing one choice
    // at a time. Material keeps its scroll position in history.state, so that is kept too.
    function toAddress(wanted) {
      var params = new URLSearchParams(window.location.search);
      controls.forEach(function (control) { params.delete(control.dataset.filter); });
      Object.keys(wanted).forEach(function (key) { params.set(key, wanted[key]); });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", address);
      }
    }

    function showMore() {
      var next = matches.slice(shown, shown + pageSize);
      var list = results.querySelector("ul");
      list.insertAdjacentHTML("beforeend", next.map(function (t) { return t.html; }).join(""));
      shown += next.length;
      more.hidden = shown >= matches.length;
      if (!more.hidden) more.textContent = "Show more (" + (matches.length - shown) + " left)";
    }

    // No one matches: say so, and offer to drop each choice that would bring someone back.
    function suggest(therapists, wanted) {
      var drops = Object.keys(wanted).map(function (key) {
        var n = therapists.filter(function (t) { return keeps(t, wanted, key); }).length;
        return { key: key, n: n };
      }).filter(function (drop) { return drop.n; }).sort(function (a, b) { return b.n - a.n; });

      var box = document.createElement("div");
      box.className = "tpg-empty";
      var lead = document.createElement("p");
      lead.textContent = drops.length
        ? "No therapist matches all of these filters. Remove one:"
        : "No therapist matches all of these filters, and removing just one is not enough. Try Clear filters.";
      box.appendChild(lead);
      if (drops.length) {
        var list = document.createElement("ul");
        list.className = "tpg-drops";
        drops.forEach(function (drop) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button";
          button.dataset.drop = drop.key;
          button.textContent = "Remove \u201c" + describe(drop.key) + "\u201d (" + plural(drop.n) + ")";
          item.appendChild(button);
          list.appendChild(item);
        });
        box.appendChild(list);
      }
      results.textContent = "";
      results.appendChild(box);
      more.hidden = true;
      return drops.length
        ? "0 therapists match all your filters. Removing \u201c" + describe(drops[0].key) + "\u201d would show " + plural(drops[0].n) + "."
        : "0 therapists match all your filters.";
    }

    function update() {
      var mine = ++latest;
      var wanted = chosen();
      var count = Object.keys(wanted).length;
      toAddress(wanted);
      chosenCount.textContent = count ? " (" + count + " on)" : "";
      if (!count) {
        results.innerHTML = firstPage;
        status.textContent = firstStatus;
        more.hidden = true;
        if (pagination) pagination.hidden = false;
        // Counts changed only if the index ever arrived; put back everyone's.
        if (index) index.then(function (data) { if (mine === latest) recount(data.therapists, wanted); }, function () {});
        return;
      }
      load().then(function (data) {
        if (mine !== latest) return;
        recount(data.therapists, wanted);
        matches = data.therapists.filter(function (t) { return keeps(t, wanted); });
        if (pagination) pagination.hidden = true;
        shown = 0;
        if (matches.length) {
          results.innerHTML = '<ul class="tpg-cards"></ul>';
          showMore();
          status.textContent = "Showing " + plural(matches.length) + (matches.length === 1 ? " who matches" : " who match") + " your filters.";
        } else {
          status.textContent = suggest(data.therapists, wanted);
        }
      }).catch(function () {
        if (mine !== latest) return;
        status.textContent = "The filters could not load. Use the links under \u201cBrowse therapists by\u201d instead.";
      });
    }

    controls.forEach(function (control) { control.addEventListener("change", update); });
    more.addEventListener("click", showMore);
    results.addEventListener("click", function (event) {
      var button = event.target.closest("[data-drop]");
      if (!button) return;
      var control = root.querySelector('[data-filter="' + button.dataset.drop + '"]');
      setValue(control, "");
      update();
      // The button is gone with the message; on a phone the control may be folded away.
      (control.offsetParent ? control : toggle).focus();
    });
    // A disclosure: focus stays on the button, which now says "expanded"; the controls follow it.
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    });
    root.querySelector("[data-clear]").addEventListener("click", function () {
      controls.forEach(function (control) { setValue(control, ""); });
      update();
      controls[0].focus();
    });

    fromAddress();
    if (Object.keys(chosen()).length) update();
  }

  function init() {
    var root = document.querySelector(".tpg-directory");
    if (root) setUp(root);
  }

  // Material's instant navigation swaps pages without reloading; document$ fires on each.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
