/* Initialise django-recurrence widgets in the Wagtail admin: the ones on the page at load
   time and every one added later (InlinePanel "Add dates" inserts forms from a template).
   The package's own initialiser only watches a #container element Wagtail does not have. */
(function () {
    "use strict";

    function initField(field) {
        if (field.dataset.recurrenceReady || field.id.indexOf("__prefix__") !== -1) { return; }
        if (field.closest("template")) { return; }
        field.dataset.recurrenceReady = "1";
        new recurrence.widget.Widget(field.id, {});
    }

    function initWithin(root) {
        if (root.matches && root.matches("textarea.recurrence-widget")) { initField(root); }
        if (root.querySelectorAll) {
            root.querySelectorAll("textarea.recurrence-widget").forEach(initField);
        }
    }

    function start() {
        initWithin(document);
        new MutationObserver(function (mutations) {
            mutations.forEach(function (mutation) {
                mutation.addedNodes.forEach(function (node) {
                    if (node.nodeType === 1) { initWithin(node); }
                });
            });
        }).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
