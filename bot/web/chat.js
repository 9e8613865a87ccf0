// Starts the rasa-webchat widget against the Rasa socket.io channel.
// The session id is kept in localStorage so a reload shows the same conversation.
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
  params: { storage: "local" },
  mainColor: "#0d4e8a",
  userBackgroundColor: "#0d4e8a",
  userTextColor: "#ffffff",
}, document.getElementById("webchat"));
