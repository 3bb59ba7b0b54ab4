// The trainer's progress board: polls the board's JSON every few seconds and redraws the rows.
(function () {
  "use strict";
  var root = document.getElementById("ws-board");
  if (!root) { return; }
  var steps = Array.prototype.map.call(root.querySelectorAll("th[data-step]"), function (th) {
    return th.getAttribute("data-step");
  });
  var body = root.querySelector("[data-board-rows]");
  var status = root.querySelector("[data-board-status]");
  var interval = parseInt(root.getAttribute("data-interval"), 10) || 4000;
  var text = function (name) { return root.getAttribute("data-" + name); };

  function cell(tr, content, className) {
    var td = document.createElement("td");
    if (className) { td.className = className; }
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
    tr.appendChild(td);
    return td;
  }

  function row(p) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-participant", p.username);
    tr.setAttribute("data-done", p.done);
    cell(tr, String(p.number));
    var who = document.createElement("span");
    who.textContent = p.name + " (" + p.username + ")" + (p.moved ? " · " + text("moved") : "");
    cell(tr, who);
    steps.forEach(function (step) {
      var td = cell(tr, p[step] ? "✓" : "·", p[step] ? "ws-yes" : "ws-no");
      td.setAttribute("data-step", step);
      td.setAttribute("data-value", p[step] ? "1" : "0");
      td.title = p[step] ? text("yes") : text("no");
    });
    var pre = p.precheck ? text(p.precheck) : "";
    if (p.precheck_flag_labels && p.precheck_flag_labels.length) {
      pre += " (" + p.precheck_flag_labels.join(", ") + ")";
    }
    cell(tr, pre, p.precheck ? "ws-" + p.precheck : "").setAttribute("data-precheck", p.precheck);
    var outcome = document.createElement("span");
    outcome.className = "ws-outcome-" + (p.outcome || "none");
    outcome.textContent = p.outcome_label;
    var td = cell(tr, outcome);
    td.setAttribute("data-outcome", p.outcome);
    if (p.review_url) {
      var link = document.createElement("a");
      link.href = p.review_url;
      link.textContent = " " + text("review") + " →";
      td.appendChild(link);
    }
    return tr;
  }

  function render(data) {
    var fragment = document.createDocumentFragment();
    data.participants.forEach(function (p) { fragment.appendChild(row(p)); });
    body.replaceChildren(fragment);
    Object.keys(data.summary).forEach(function (key) {
      var span = root.querySelector('[data-count="' + key + '"]');
      if (span) { span.textContent = "(" + data.summary[key] + "/" + data.summary.total + ")"; }
    });
    status.textContent = data.updated;
  }

  function poll() {
    fetch(root.getAttribute("data-url"), { credentials: "same-origin", cache: "no-store",
                                           headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(render)
      .catch(function () { status.textContent = text("error"); })
      .then(function () { window.setTimeout(poll, interval); });
  }
  poll();
})();
