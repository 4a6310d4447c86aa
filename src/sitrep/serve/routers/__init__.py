"""One router per resource; ``pages`` renders the UI from the same queries."""
