"""The `qa` command line and the chat session."""
