"""Admin registrations of the core app."""
