// The console works without this script; it adds what a browser alone cannot: the reader's time zone at sign-in
// (so the server renders times in it) and copying text to the clipboard.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.querySelectorAll("input[data-time-zone]").forEach(function (input) { input.value = zone; });

    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.getElementById(button.getAttribute("aria-describedby") || "");
        if (!source || !navigator.clipboard) {
          if (status) status.textContent = "Copying is not available here; select the text instead.";
          return;
        }
        navigator.clipboard.writeText(source.textContent).then(function () {
          if (status) status.textContent = "Copied.";
        }, function () {
          if (status) status.textContent = "Copying was refused by the browser; select the text instead.";
        });
      });
    });
  });
})();
