"""The chat page: a static page with the rasa-webchat widget, served from loopback."""
