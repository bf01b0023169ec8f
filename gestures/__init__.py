"""Gesture control: hand landmarks, poses, the engagement state machine (no Qt here)."""
