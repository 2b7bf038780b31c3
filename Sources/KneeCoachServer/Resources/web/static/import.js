// The import form with a progress bar: the same multipart POST as without script, sent by
// XMLHttpRequest so the upload's progress can be shown; the answer replaces the page as a
// normal form submission would. Without script the browser shows its own progress.
"use strict";
(function () {
  var form = document.getElementById("import-form");
  var bar = document.getElementById("import-progress");
  if (!form || !bar || !window.FormData || !window.XMLHttpRequest) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    bar.hidden = false;
    bar.value = 0;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.addEventListener("load", function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      bar.hidden = true;
      form.submit();
    });
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    xhr.send(new FormData(form));
  });
})();
