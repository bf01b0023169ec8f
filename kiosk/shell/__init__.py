"""The Qt shell: window, page stack, intent bridge, idle handling, screenshots, services."""
