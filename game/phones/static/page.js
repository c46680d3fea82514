/* Degrees of Risk: the phone's page. Plain ES5 so a five-year-old phone runs it; nothing is
   fetched from anywhere but the game that served it. Every text goes in with textContent. */
(function () {
  "use strict";
  var WORDS = {
    en: {
      codePrompt: "Type the room code shown on the big screen.",
      codeGo: "Join",
      codeWrong: "That code is not right. Look at the big screen.",
      teamPrompt: "Which team are you in? (You pick it once.)",
      team: "Team",
      wait: "Look at the big screen: the next question comes here by itself.",
      choices: "What would you do? Tap one.",
      scale: "How risky is this? Tap a degree.",
      mine: "Your vote: {n}. You can change it until the answers are shown.",
      closed: "The answers are shown: look at the big screen.",
      closedMine: "You voted {n}. The answers are shown: look at the big screen.",
      offline: "Connection lost: trying again\u2026 Your vote is kept.",
      slow: "Too fast: wait a moment and tap again.",
      stale: "The screen has moved on."
    },
    ru: {
      codePrompt: "\u0412\u0432\u0435\u0434\u0438\u0442\u0435 \u043a\u043e\u0434 \u043a\u043e\u043c\u043d\u0430\u0442\u044b \u0441 \u0431\u043e\u043b\u044c\u0448\u043e\u0433\u043e \u044d\u043a\u0440\u0430\u043d\u0430.",
      codeGo: "\u0412\u043e\u0439\u0442\u0438",
      codeWrong: "\u041a\u043e\u0434 \u043d\u0435\u0432\u0435\u0440\u043d\u044b\u0439. \u041f\u043e\u0441\u043c\u043e\u0442\u0440\u0438\u0442\u0435 \u043d\u0430 \u0431\u043e\u043b\u044c\u0448\u043e\u0439 \u044d\u043a\u0440\u0430\u043d.",
      teamPrompt: "\u0412 \u043a\u0430\u043a\u043e\u0439 \u0432\u044b \u043a\u043e\u043c\u0430\u043d\u0434\u0435? (\u0412\u044b\u0431\u0438\u0440\u0430\u0435\u0442\u0441\u044f \u043e\u0434\u0438\u043d \u0440\u0430\u0437.)",
      team: "\u041a\u043e\u043c\u0430\u043d\u0434\u0430",
      wait: "\u0421\u043c\u043e\u0442\u0440\u0438\u0442\u0435 \u043d\u0430 \u0431\u043e\u043b\u044c\u0448\u043e\u0439 \u044d\u043a\u0440\u0430\u043d: \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0439 \u0432\u043e\u043f\u0440\u043e\u0441 \u043f\u043e\u044f\u0432\u0438\u0442\u0441\u044f \u0437\u0434\u0435\u0441\u044c \u0441\u0430\u043c.",
      choices: "\u0427\u0442\u043e \u0431\u044b \u0432\u044b \u0441\u0434\u0435\u043b\u0430\u043b\u0438? \u041d\u0430\u0436\u043c\u0438\u0442\u0435 \u043e\u0434\u0438\u043d \u0432\u0430\u0440\u0438\u0430\u043d\u0442.",
      scale: "\u041d\u0430\u0441\u043a\u043e\u043b\u044c\u043a\u043e \u044d\u0442\u043e \u043e\u043f\u0430\u0441\u043d\u043e? \u041d\u0430\u0436\u043c\u0438\u0442\u0435 \u0441\u0442\u0435\u043f\u0435\u043d\u044c.",
      mine: "\u0412\u0430\u0448 \u0433\u043e\u043b\u043e\u0441: {n}. \u0415\u0433\u043e \u043c\u043e\u0436\u043d\u043e \u0438\u0437\u043c\u0435\u043d\u0438\u0442\u044c, \u043f\u043e\u043a\u0430 \u043e\u0442\u0432\u0435\u0442\u044b \u043d\u0435 \u043f\u043e\u043a\u0430\u0437\u0430\u043d\u044b.",
      closed: "\u041e\u0442\u0432\u0435\u0442\u044b \u043f\u043e\u043a\u0430\u0437\u0430\u043d\u044b: \u0441\u043c\u043e\u0442\u0440\u0438\u0442\u0435 \u043d\u0430 \u0431\u043e\u043b\u044c\u0448\u043e\u0439 \u044d\u043a\u0440\u0430\u043d.",
      closedMine: "\u0412\u044b \u0432\u044b\u0431\u0440\u0430\u043b\u0438 {n}. \u041e\u0442\u0432\u0435\u0442\u044b \u043f\u043e\u043a\u0430\u0437\u0430\u043d\u044b: \u0441\u043c\u043e\u0442\u0440\u0438\u0442\u0435 \u043d\u0430 \u0431\u043e\u043b\u044c\u0448\u043e\u0439 \u044d\u043a\u0440\u0430\u043d.",
      offline: "\u041d\u0435\u0442 \u0441\u0432\u044f\u0437\u0438: \u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0430\u0435\u043c\u0441\u044f \u0441\u043d\u043e\u0432\u0430\u2026 \u0412\u0430\u0448 \u0433\u043e\u043b\u043e\u0441 \u0441\u043e\u0445\u0440\u0430\u043d\u0451\u043d.",
      slow: "\u0421\u043b\u0438\u0448\u043a\u043e\u043c \u0447\u0430\u0441\u0442\u043e: \u043f\u043e\u0434\u043e\u0436\u0434\u0438\u0442\u0435 \u043d\u0435\u043c\u043d\u043e\u0433\u043e.",
      stale: "\u042d\u043a\u0440\u0430\u043d \u0443\u0436\u0435 \u043f\u0435\u0440\u0435\u0448\u0451\u043b \u0434\u0430\u043b\u044c\u0448\u0435."
    },
    tk: {
      codePrompt: "Uly ekranda g\u00f6rkezilen otagy\u0148 koduny \u00fdazy\u0148.",
      codeGo: "Giri\u0148",
      codeWrong: "Bu kod n\u00e4dogry. Uly ekrana seredi\u0148.",
      teamPrompt: "Siz ha\u00fdsy toparda? (Bir gezek sa\u00fdlan\u00fdar.)",
      team: "Topar",
      wait: "Uly ekrana seredi\u0148: indiki sorag \u015fu \u00fderde \u00f6z\u00fcnden pe\u00fdda bolar.",
      choices: "Siz n\u00e4me ederdi\u0148iz? Birine basy\u0148.",
      scale: "Bu n\u00e4\u00e7e howply? Derej\u00e4 basy\u0148.",
      mine: "Sizi\u0148 sesi\u0148iz: {n}. Jogaplar g\u00f6rkezil\u00fd\u00e4n\u00e7\u00e4 \u00fc\u00fdtgedip bilersi\u0148iz.",
      closed: "Jogaplar g\u00f6rkezildi: uly ekrana seredi\u0148.",
      closedMine: "Siz {n} sa\u00fdlady\u0148yz. Jogaplar g\u00f6rkezildi: uly ekrana seredi\u0148.",
      offline: "Baglany\u015fyk kesildi: t\u00e4zeden synan\u015fyl\u00fdar\u2026 Sesi\u0148iz sakland\u00fd.",
      slow: "Gaty \u00e7alt: biraz gara\u015fy\u0148 we t\u00e4zeden basy\u0148.",
      stale: "Ekran e\u00fd\u00fd\u00e4m indiki sahypa ge\u00e7di."
    }
  };
  var LANGS = ["en", "ru", "tk"];
  var memory = {};
  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
  }
  function $(id) { return document.getElementById(id); }

  function newToken() {
    var bytes = [], i, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    var cryptoObj = window.crypto || window.msCrypto;
    if (cryptoObj && cryptoObj.getRandomValues) {
      var array = new Uint8Array(24);
      cryptoObj.getRandomValues(array);
      for (i = 0; i < array.length; i++) { bytes.push(array[i]); }
    } else {
      for (i = 0; i < 24; i++) { bytes.push(Math.floor(Math.random() * 256)); }
    }
    var out = "";
    for (i = 0; i < bytes.length; i++) { out += alphabet.charAt(bytes[i] % 64); }
    return out;
  }
  function phoneLanguage() {
    var wanted = (navigator.languages && navigator.languages.length) ? navigator.languages
      : [navigator.language || navigator.userLanguage || "en"];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      if (LANGS.indexOf(code) >= 0) { return code; }
    }
    return "en";
  }
  function queryParam(name) {
    var parts = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (decodeURIComponent(kv[0]) === name) { return decodeURIComponent(kv[1] || ""); }
    }
    return "";
  }

  var token = load("dor.token");
  if (!token || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) { token = newToken(); save("dor.token", token); }
  var lang = load("dor.lang") || phoneLanguage();
  var code = (queryParam("room") || load("dor.room") || "").toUpperCase();
  var question = null, team = null, source = null, retry = null, note = "";

  function words() { return WORDS[lang] || WORDS.en; }
  function say(key, n) { return words()[key].replace("{n}", String(n)); }
  function votes() {
    try { return JSON.parse(load("dor.votes." + code) || "{}") || {}; } catch (e) { return {}; }
  }
  function myVote() { return question ? votes()[question.id] : undefined; }
  function keepVote(id, option) {
    var all = votes(), keys = [], k;
    all[id] = option;
    for (k in all) { if (all.hasOwnProperty(k)) { keys.push(k); } }
    while (keys.length > 60) { delete all[keys.shift()]; }  /* a long session stays small */
    save("dor.votes." + code, JSON.stringify(all));
  }
  function loadTeam() {
    var t = parseInt(load("dor.team." + code) || "", 10);
    team = t >= 1 ? t : null;
  }
  function textOf(mapping) {
    if (!mapping) { return ""; }
    if (mapping[lang]) { return mapping[lang]; }
    var first = question && question.languages && question.languages[0];
    if (first && mapping[first]) { return mapping[first]; }
    for (var k in mapping) { if (mapping.hasOwnProperty(k)) { return mapping[k]; } }
    return "";
  }
  function show(id, on) { $(id).hidden = !on; }
  function setStatus(key) {
    note = key || "";
    $("status").textContent = note ? words()[note] : "";
    show("status", !!note);
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function render() {
    var w = words(), i;
    document.documentElement.lang = lang;
    var buttons = $("langs").getElementsByTagName("button");
    for (i = 0; i < buttons.length; i++) {
      buttons[i].className = buttons[i].getAttribute("data-lang") === lang ? "on" : "";
    }
    $("code-prompt").textContent = w.codePrompt;
    $("code-go").textContent = w.codeGo;
    $("code-wrong").textContent = w.codeWrong;
    $("team-prompt").textContent = w.teamPrompt;
    if (note) { $("status").textContent = w[note]; }
    var asking = !code;
    show("code-box", asking);
    var teams = question && question.teams && question.teams.length ? question.teams : [];
    $("team-line").textContent = (team && teams[team - 1]) ? w.team + ": " + teams[team - 1] : "";
    var picking = !asking && !!question && teams.length > 0 && !team;
    show("team-box", picking);
    if (picking) {
      var box = $("teams");
      clear(box);
      for (i = 0; i < teams.length; i++) {
        var b = document.createElement("button");
        b.className = "team";
        b.textContent = teams[i];
        b.setAttribute("data-team", String(i + 1));
        b.onclick = pickTeam;
        box.appendChild(b);
      }
    }
    var voting = !asking && !!question && !picking;
    show("vote-box", voting);
    show("wait", !asking && !question);
    $("wait").textContent = w.wait;
    if (!voting) { return; }
    var mine = myVote();
    $("prompt").textContent = question.open ? w[question.kind === "scale" ? "scale" : "choices"]
      : "";
    var list = $("options");
    clear(list);
    list.className = question.kind === "scale" ? "scale" : "";
    for (i = 0; i < question.options.length; i++) {
      var option = question.options[i];
      var btn = document.createElement("button");
      btn.className = "option" + (mine === option.number ? " chosen" : "");
      btn.setAttribute("data-option", String(option.number));
      if (/^#[0-9a-fA-F]{6}$/.test(option.colour || "")) {
        btn.style.backgroundColor = option.colour;
        btn.style.color = /^#[0-9a-fA-F]{6}$/.test(option.ink || "") ? option.ink : "#000000";
      }
      var num = document.createElement("span");
      num.className = "num";
      num.textContent = String(option.number);
      var label = document.createElement("span");
      label.className = "label";
      label.textContent = textOf(option.text);
      btn.appendChild(num);
      btn.appendChild(label);
      btn.disabled = !question.open;
      btn.onclick = tap;
      list.appendChild(btn);
    }
    if (!question.open) {
      $("mine").textContent = mine ? say("closedMine", mine) : w.closed;
    } else {
      $("mine").textContent = mine ? say("mine", mine) : "";
    }
  }

  function request(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, path, true);
    xhr.timeout = 8000;
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data);
    };
    if (body) {
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.send(JSON.stringify(body));
    } else {
      xhr.send();
    }
  }
  function query() {
    return "?room=" + encodeURIComponent(code) + "&token=" + encodeURIComponent(token);
  }
  function wrongCode() {
    if (source) { source.close(); source = null; }
    code = "";
    save("dor.room", "");
    question = null;
    show("code-wrong", true);
    render();
  }
  function apply(state) {
    question = state && state.question ? state.question : null;
    render();
  }
  function later() {
    if (retry) { return; }
    retry = window.setTimeout(function () { retry = null; connect(); }, 3000);
  }
  function connect() {
    if (!code) { render(); return; }
    request("GET", "/api/state" + query(), null, function (status, data) {
      if (status === 403) { wrongCode(); return; }
      if (status !== 200 || !data) { setStatus("offline"); later(); return; }
      save("dor.room", code);
      show("code-wrong", false);
      if (note === "offline") { setStatus(""); }
      if (data.team && !team) { team = data.team; save("dor.team." + code, String(team)); }
      apply(data.state);
      listen();
    });
  }
  function listen() {
    if (source || !window.EventSource) { if (!window.EventSource) { poll(); } return; }
    source = new EventSource("/api/events" + query());
    source.onmessage = function (event) {
      if (note === "offline") { setStatus(""); }
      try { apply(JSON.parse(event.data)); } catch (e) { /* a torn message: the next one */ }
    };
    source.onerror = function () {
      setStatus("offline");
      if (source && source.readyState === 2) {  /* closed for good: start again */
        source.close();
        source = null;
        later();
      }
    };
  }
  function poll() {  /* a browser without EventSource asks every two seconds */
    window.setTimeout(function () {
      request("GET", "/api/state" + query(), null, function (status, data) {
        if (status === 403) { wrongCode(); return; }
        if (status === 200 && data) { setStatus(""); apply(data.state); } else { setStatus("offline"); }
        poll();
      });
    }, 2000);
  }

  function tap(event) {
    var target = event.currentTarget || this;
    var option = parseInt(target.getAttribute("data-option"), 10);
    if (!question || !question.open) { return; }
    var id = question.id, before = myVote();
    var body = {room: code, token: token, question: id, option: option};
    if (team) { body.team = team; }
    if (before) { body.was = before; }
    request("POST", "/api/vote", body, function (status) {
      if (status === 202) { keepVote(id, option); setStatus(""); render(); return; }
      if (status === 429) { setStatus("slow"); return; }
      if (status === 403) { wrongCode(); return; }
      if (status === 409) { setStatus("stale"); connect(); return; }
      setStatus("offline");
    });
  }
  function pickTeam(event) {
    var target = event.currentTarget || this;
    var chosen = parseInt(target.getAttribute("data-team"), 10);
    request("POST", "/api/join", {room: code, token: token, team: chosen}, function (status) {
      if (status === 200) { team = chosen; save("dor.team." + code, String(team)); render(); return; }
      if (status === 429) { setStatus("slow"); return; }
      connect();  /* already in a team: the server says which */
    });
  }

  $("code-form").onsubmit = function (event) {
    event.preventDefault();
    code = String($("code").value || "").replace(/\s+/g, "").toUpperCase();
    loadTeam();
    connect();
    return false;
  };
  var langButtons = $("langs").getElementsByTagName("button");
  for (var b = 0; b < langButtons.length; b++) {
    langButtons[b].onclick = function () {
      lang = this.getAttribute("data-lang");
      save("dor.lang", lang);
      render();
    };
  }
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { connect(); }  /* a phone that slept: catch up at once */
  });
  loadTeam();
  render();
  connect();
}());
