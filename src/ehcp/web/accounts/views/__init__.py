"""Sign in and out, and team management."""
