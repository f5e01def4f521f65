// The extraction review page: add a participant row or a whole event the reader missed
// (Django formsets: a clone of the empty form with the next index, and the count raised),
// and forget the recorded person a row named once the editor retypes its name.
"use strict";

(function () {
  function total(prefix) {
    return document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  }

  function cloneTemplate(id, prefix, replacements) {
    const counter = total(prefix);
    const index = parseInt(counter.value, 10);
    let html = document.getElementById(id).innerHTML;
    html = html.replace(/__prefix__/g, String(index));
    for (const [from, to] of Object.entries(replacements(index))) {
      html = html.split(from).join(to);
    }
    counter.value = String(index + 1);
    const holder = document.createElement("tbody");
    if (id === "event-template") {
      const div = document.createElement("div");
      div.innerHTML = html.trim();
      return [div.firstElementChild, index];
    }
    holder.innerHTML = html.trim();
    return [holder.firstElementChild, index];
  }

  function addParticipant(eventIndex) {
    const [row, index] = cloneTemplate("participant-template", "participants", () => ({}));
    row.querySelector("#id_participants-" + index + "-event").value = eventIndex;
    row.querySelector("#id_participants-" + index + "-keep").checked = true;
    document.querySelector('.participant-rows[data-event="' + eventIndex + '"]').appendChild(row);
    row.querySelector("#id_participants-" + index + "-name").focus();
  }

  function addEvent() {
    const [card, index] = cloneTemplate("event-template", "events", (i) => ({
      __number__: String(i + 1),
    }));
    card.querySelector("#id_events-" + index + "-include").checked = true;
    card.classList.remove("unticked");
    // A new event has no sentence yet: its excerpt field is shown, not folded away.
    card.querySelector("details.more").open = true;
    document.getElementById("event-cards").appendChild(card);
    card.querySelector("#id_events-" + index + "-title").focus();
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest(".add-participant");
    if (button) {
      addParticipant(button.dataset.event);
    } else if (event.target.id === "add-event") {
      addEvent();
    }
  });

  document.addEventListener("input", function (event) {
    const input = event.target;
    const match = /^id_participants-(\d+)-name$/.exec(input.id);
    if (match) {
      const who = document.getElementById("id_participants-" + match[1] + "-who");
      if (who) who.value = "";
    }
  });

  document.addEventListener("change", function (event) {
    const box = event.target;
    if (/^id_events-\d+-include$/.test(box.id)) {
      box.closest(".event-card").classList.toggle("unticked", !box.checked);
    }
  });
})();
