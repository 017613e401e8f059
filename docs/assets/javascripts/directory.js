// Directory filters: narrow the therapist cards by facet, in the browser.
// Without JavaScript the filters are hidden (a <noscript> style in overrides/main.html)
// and the facet pages do the same job.
// Cards come as HTML from therapists/directory.json, rendered (and escaped) at
// build time from the same template as the page, so this script never builds markup.
(function () {
  "use strict";

  function setUp(root) {
    var filters = root.querySelector(".tpg-filters");
    if (!filters || root.dataset.ready) return;
    root.dataset.ready = "1";

    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-facet]"));
    var accepting = root.querySelector("[data-accepting]");
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

    function chosen() {
      var wanted = {};
      selects.forEach(function (select) {
        if (select.value) wanted[select.dataset.facet] = select.value;
      });
      return wanted;
    }

    function plural(n) {
      return n + (n === 1 ? " therapist" : " therapists");
    }

    function showMore() {
      var next = matches.slice(shown, shown + pageSize);
      var list = results.querySelector("ul");
      list.insertAdjacentHTML("beforeend", next.map(function (t) { return t.html; }).join(""));
      shown += next.length;
      more.hidden = shown >= matches.length;
      if (!more.hidden) more.textContent = "Show more (" + (matches.length - shown) + " left)";
    }

    function update() {
      var mine = ++latest;
      var wanted = chosen();
      var onlyAccepting = accepting.checked;
      if (!Object.keys(wanted).length && !onlyAccepting) {
        results.innerHTML = firstPage;
        status.textContent = firstStatus;
        more.hidden = true;
        if (pagination) pagination.hidden = false;
        return;
      }
      load().then(function (data) {
        if (mine !== latest) return;
        matches = data.therapists.filter(function (t) {
          if (onlyAccepting && !t.a) return false;
          return Object.keys(wanted).every(function (kind) {
            return t.f[kind].indexOf(wanted[kind]) !== -1;
          });
        });
        if (pagination) pagination.hidden = true;
        results.innerHTML = matches.length
          ? '<ul class="tpg-cards"></ul>'
          : '<p class="tpg-empty">No therapist matches all of these filters. Try removing one.</p>';
        shown = 0;
        if (matches.length) showMore();
        else more.hidden = true;
        status.textContent = "Showing " + plural(matches.length) + " that match your filters.";
      }).catch(function () {
        if (mine !== latest) return;
        status.textContent = "The filters could not load. Use the links under \u201cBrowse therapists by\u201d instead.";
      });
    }

    selects.forEach(function (select) { select.addEventListener("change", update); });
    accepting.addEventListener("change", update);
    more.addEventListener("click", showMore);
    root.querySelector("[data-clear]").addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      accepting.checked = false;
      update();
      selects[0].focus();
    });
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
