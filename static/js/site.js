/* Site behaviour that enhances plain HTML. No third-party code; everything works without it. */
(function () {
    "use strict";

    // Quick exit: leave for a neutral site and replace this page in the history, so the
    // Back button does not come back here. Escape pressed three times does the same.
    function quickExit(url) {
        try { document.body.style.visibility = "hidden"; } catch (e) { /* ignore */ }
        window.location.replace(url);
    }

    function setUpQuickExit() {
        var button = document.querySelector("[data-quick-exit]");
        if (!button) { return; }
        var url = button.getAttribute("href");
        button.addEventListener("click", function (event) {
            event.preventDefault();
            quickExit(url);
        });
        var presses = [];
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape") { return; }
            var now = Date.now();
            presses = presses.filter(function (t) { return now - t < 2000; });
            presses.push(now);
            if (presses.length >= 3) { quickExit(url); }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpQuickExit);
    } else {
        setUpQuickExit();
    }
})();

/* directory: Enter on a facet checkbox submits the finder, as it does in the search box
   (browsers only submit forms with Enter from text fields). Without JavaScript the
   "Show results" button does the same. */
(function () {
    "use strict";
    document.addEventListener("keydown", function (event) {
        var target = event.target;
        if (event.key !== "Enter" || !target || target.type !== "checkbox") { return; }
        var form = target.closest("form.directory-finder");
        if (!form) { return; }
        event.preventDefault();
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
})();
