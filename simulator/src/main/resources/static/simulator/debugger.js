// The call-flow debugger: dials through the simulator's control API, polls the conversation and
// sends keypad or speech input whenever a <Gather> waits. Plain JavaScript, no build step.
(function () {
  "use strict";
  const api = "api/debugger";
  const $ = (id) => document.getElementById(id);
  let callId = null;
  let next = 0;
  let waiting = null;
  let typed = "";
  let timer = null;

  async function json(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(text || response.statusText);
    return text ? JSON.parse(text) : null;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function details(summary, content) {
    const box = el("details");
    box.appendChild(el("summary", null, summary));
    box.appendChild(el("pre", null, content));
    return box;
  }

  function render(entry) {
    const item = el("li", "entry " + entry.kind);
    item.appendChild(el("span", "kind", entry.kind));
    if (entry.kind === "request") {
      const status = entry.httpStatus ? "HTTP " + entry.httpStatus : "no answer";
      item.appendChild(
        el("span", "text", entry.method + " " + entry.url + " → " + status + " in " + entry.elapsedMillis + " ms"));
      const params = Object.entries(entry.parameters || {}).map(([k, v]) => k + "=" + v).join("\n");
      item.appendChild(details("Request parameters", params));
      if (entry.body) item.appendChild(details("TwiML answered", entry.body));
    } else {
      item.appendChild(el("span", "text", entry.description));
    }
    $("conversation").appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function describeWait(request) {
    const kinds = [request.dtmf ? "keypad" : null, request.speech ? "speech" : null].filter(Boolean);
    let text = "Waiting for " + kinds.join(" or ");
    if (request.numDigits > 0) text += ": " + request.numDigits + " digit(s)";
    if (request.finishOnKey) text += ", finish with " + request.finishOnKey;
    return text + " (Twilio's timeout: " + request.timeoutSeconds + " s)";
  }

  function setStatus(text, isWaiting) {
    $("status").textContent = text;
    $("status").className = isWaiting ? "waiting" : "";
  }

  async function poll() {
    if (!callId) return;
    try {
      const view = await json("GET", api + "/calls/" + callId + "?since=" + next);
      view.entries.forEach(render);
      next = view.next;
      if (view.callSid) $("call-sid").textContent = view.callSid;
      waiting = view.waitingFor;
      if (view.transcript) {
        const t = view.transcript;
        setStatus("Call ended: " + t.endStatus + (t.errorCode ? " (error " + t.errorCode + ")" : "") +
          ", " + t.durationSeconds + " s", false);
        finish();
        return;
      }
      setStatus(waiting ? describeWait(waiting) : "In call…", !!waiting);
    } catch (error) {
      setStatus("Lost the call: " + error.message, false);
      finish();
      return;
    }
    timer = setTimeout(poll, 250);
  }

  function finish() {
    callId = null;
    waiting = null;
    $("dial").disabled = false;
    $("hangup").disabled = true;
  }

  async function send(input) {
    if (!callId) return;
    typed = "";
    $("typed").textContent = "";
    const li = el("li", "entry caller");
    li.appendChild(el("span", "kind", "caller"));
    li.appendChild(el("span", "text", input === "" ? "(stays silent)" : input.startsWith("speech:")
      ? "says \"" + input.slice(7) + "\"" : "presses " + input));
    $("conversation").appendChild(li);
    await json("POST", api + "/calls/" + callId + "/input", { input });
  }

  function press(key) {
    if (!callId) return;
    typed += key;
    $("typed").textContent = typed;
    // Twilio ends a Gather at once when numDigits is reached or the finish key is pressed.
    if (waiting && ((waiting.finishOnKey && key === waiting.finishOnKey) ||
        (waiting.numDigits > 0 && typed.replace(/[^0-9*#]/g, "").length >= waiting.numDigits))) {
      send(typed);
    }
  }

  $("dial-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    clearTimeout(timer);
    $("conversation").innerHTML = "";
    $("call-sid").textContent = "";
    next = 0;
    typed = "";
    const body = { from: $("from").value.trim(), to: $("to").value.trim() };
    if ($("url").value.trim()) body.url = $("url").value.trim();
    try {
      const started = await json("POST", api + "/calls", body);
      callId = started.id;
      $("dial").disabled = true;
      $("hangup").disabled = false;
      setStatus("Ringing…", false);
      poll();
    } catch (error) {
      setStatus("Could not dial: " + error.message, false);
    }
  });

  $("hangup").addEventListener("click", () => callId && json("POST", api + "/calls/" + callId + "/hangup"));
  document.querySelectorAll(".keypad button").forEach((button) =>
    button.addEventListener("click", () => press(button.dataset.key)));
  $("send-keys").addEventListener("click", () => send(typed));
  $("silence").addEventListener("click", () => send(""));
  $("speech-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const words = $("speech").value.trim();
    if (words) send("speech:" + words);
    $("speech").value = "";
  });

  json("GET", api + "/numbers").then((numbers) => {
    (numbers || []).forEach((n) => { const o = el("option"); o.value = n; $("numbers").appendChild(o); });
  }).catch(() => {});
})();
