// Review page: highlight the box of the field being edited; Enter saves the field through the
// JSON API and moves on, Tab just moves on. Without this script the form still posts.
(function () {
  "use strict";
  var form = document.getElementById("fields");
  if (!form) return;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.content : "";
  var docId = form.dataset.document;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-key]"));
  var status = document.getElementById("field-status");

  function boxFor(key) {
    return document.querySelector('.box[data-key="' + CSS.escape(key) + '"]');
  }

  function highlight(key) {
    document.querySelectorAll(".box.active, tr.field.active").forEach(function (el) {
      el.classList.remove("active");
    });
    var row = form.querySelector('tr.field[data-key="' + CSS.escape(key) + '"]');
    if (row) row.classList.add("active");
    var box = boxFor(key);
    if (box) {
      // the box on the page image and, for a phone photo, its polygon on the original photo
      document.querySelectorAll('.box[data-key="' + CSS.escape(key) + '"]').forEach(function (el) {
        el.classList.add("active");
      });
      box.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  function say(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.className = isError ? "error" : "muted";
  }

  function message(data) {
    if (data && typeof data.detail === "string") return data.detail;
    if (data && Array.isArray(data.detail) && data.detail.length) return data.detail[0].msg;
    return "Không lưu được.";
  }

  function setVersion(version) {
    document.querySelectorAll('input[name="version"]').forEach(function (el) {
      el.value = version;
    });
    var label = document.getElementById("version-label");
    if (label) label.textContent = version;
  }

  function save(input) {
    var row = input.closest("tr");
    if (input.readOnly || input.value === input.dataset.original) {
      row.classList.add("accepted");
      return Promise.resolve(true);
    }
    var fields = {};
    fields[input.dataset.key] = input.value;
    var body = { version: Number(form.querySelector('input[name="version"]').value), fields: fields };
    say("Đang lưu…", false);
    return fetch("/api/documents/" + docId + "/fields", {
      method: "PATCH",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) {
          row.classList.add("invalid");
          say(res.status === 409 ? message(data) + " (tải lại trang)" : message(data), true);
          return false;
        }
        setVersion(data.version);
        var saved = (data.field_boxes || []).filter(function (b) { return b.key === input.dataset.key; })[0];
        input.value = saved && saved.value !== null ? saved.value : "";
        input.dataset.original = input.value;
        row.classList.remove("invalid", "missing");
        row.classList.add("accepted", "corrected");
        var conf = row.querySelector("td.conf");
        if (conf) conf.textContent = "✎ cán bộ";
        var box = boxFor(input.dataset.key);
        if (box) box.classList.add("corrected");
        say("Đã lưu: " + row.querySelector("label").textContent, false);
        return true;
      });
    }).catch(function () {
      say("Mất kết nối máy chủ, chưa lưu.", true);
      return false;
    });
  }

  inputs.forEach(function (input, index) {
    input.addEventListener("focus", function () { highlight(input.dataset.key); });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      save(input).then(function (ok) {
        if (!ok) return;
        var next = inputs[index + 1] || document.getElementById("confirm-button");
        if (next) next.focus();
      });
    });
  });

  document.querySelectorAll(".box").forEach(function (box) {
    box.addEventListener("click", function () {
      var input = document.getElementById("f-" + box.dataset.key);
      if (input) input.focus();
    });
  });

  var toggle = document.getElementById("show-words");
  if (toggle) {
    toggle.addEventListener("change", function () {
      document.body.classList.toggle("hide-words", !toggle.checked);
    });
  }
})();
