"""Running the assistant: the processes, Rasa's channels and stores, the chat page and its document pages."""
