// Starts the rasa-webchat widget against the Rasa socket.io channel.
//
// The widget keeps the conversation in localStorage["chat_session"] (so a reload shows
// the same one), but it shows and stores each reply only after a delay queue: replies
// still waiting there when the page reloads were lost. So before the widget starts,
// the page replaces that stored conversation with what Rasa's tracker store holds
// (/conversation), waiting until the tracker has every question the page had sent.
// In a new conversation, a question sent before the greeting is shown waits for it.
"use strict";

const STORAGE_KEY = "chat_session";
const TRACKER_WAIT_MS = 10000;
const POLL_MS = 400;

function savedSession() {
  try {
    return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
  } catch (error) {
    return null;
  }
}

function questionCount(messages) {
  return messages.filter((m) => m.sender === "client" && !m.hidden).length;
}

async function trackerMessages(sessionId) {
  const response = await fetch("/conversation?session_id=" + encodeURIComponent(sessionId));
  if (!response.ok) throw new Error("conversation " + response.status);
  return (await response.json()).messages;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What the tracker holds becomes what the widget shows; an unknown session starts afresh.
async function restoreFromTracker() {
  const saved = savedSession();
  if (!saved || !saved.session_id) return;
  const asked = questionCount(saved.conversation || []);
  const deadline = Date.now() + TRACKER_WAIT_MS;
  let messages = await trackerMessages(saved.session_id);
  while (questionCount(messages) < asked && Date.now() < deadline) {
    await pause(POLL_MS);
    messages = await trackerMessages(saved.session_id);
  }
  if (messages.length === 0) {
    window.localStorage.removeItem(STORAGE_KEY);
  } else {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, conversation: messages }));
  }
}

// A question submitted before the first reply is on screen is sent once it is.
function holdQuestionsUntilGreeted(root) {
  const greeted = () => root.querySelector(".rw-response .rw-message-text") !== null;
  let heldForm = null;
  root.addEventListener("submit", (event) => {
    if (greeted()) return;
    event.preventDefault();
    event.stopPropagation();
    heldForm = event.target;
  }, true);
  new MutationObserver((records, observer) => {
    if (!greeted()) return;
    observer.disconnect();
    if (heldForm) heldForm.dispatchEvent(new Event("submit", { cancelable: true }));
    heldForm = null;
  }).observe(root, { childList: true, subtree: true });
}

// Names for the widget's unlabelled controls (screen readers, axe's critical rules).
function labelControls(root) {
  const label = () => {
    const box = root.querySelector(".rw-new-message");
    if (box && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", "Votre question");
    const send = root.querySelector(".rw-send");
    if (send && !send.hasAttribute("aria-label")) send.setAttribute("aria-label", "Envoyer");
  };
  label();
  new MutationObserver(label).observe(root, { childList: true, subtree: true });
}

function startWidget(root) {
  root.replaceChildren();
  holdQuestionsUntilGreeted(root);
  labelControls(root);
  window.WebChat.default({
    selector: "#webchat",
    initPayload: "/greet",
    socketUrl: window.OSCE_BOT.socketUrl,
    socketPath: "/socket.io/",
    customData: { language: "fr" },
    title: "Assistant OSCE",
    subtitle: "Partenaires pour la coopération",
    inputTextFieldHint: "Votre question…",
    connectingText: "Connexion…",
    embedded: true,
    showFullScreenButton: false,
    showMessageDate: false,
    customMessageDelay: () => 300,
    params: { storage: "local" },
    mainColor: "#0d4e8a",
    userBackgroundColor: "#0d4e8a",
    userTextColor: "#ffffff",
  }, root);
}

(async () => {
  const root = document.getElementById("webchat");
  root.textContent = "Chargement de la conversation…";
  try {
    await restoreFromTracker();
  } catch (error) {
    console.warn("conversation not restored from the server:", error);
  }
  startWidget(root);
})();
